// Customers and deletions pushed by a retailer's ETL: every record is validated with the extension's own schema, and
// the valid ones are applied in one transaction (all of them or, if the database fails, none).
import { type Change, isDeletion, parseChange } from '../../lib/feed/schema';
import type { Database, Queryable } from '../db/database';
import { scopeKeysOf, textArrayLiteral } from '../scopes/keys';
import { onlineWindowStart, type ScopeRules } from '../scopes/rules';

export const MAX_RECORDS_PER_PUSH = 10_000;

export interface Rejection {
  /** The record's id when it has a readable one. */
  id: string | null;
  /** Position of the record in the request (0-based: array index or NDJSON line). */
  index: number;
  reason: string;
}

export interface PushResult {
  /** Valid records, applied or already superseded by an equal or higher version. */
  accepted: number;
  /** Accepted records that changed nothing: the hub already had that version or a newer one. */
  unchanged: number;
  rejected: Rejection[];
}

/** A record that could not be read at all (an NDJSON line that is not JSON); a class, so no JSON can pose as one. */
export class UnreadableRecord {
  constructor(readonly reason: string) {}
}

type Checked = { ok: true; change: Change } | { ok: false; rejection: Omit<Rejection, 'index'> };

/** JSON text holding U+0000 (an escape preceded by an even number of backslashes), which PostgreSQL cannot store. */
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

function check(record: unknown, options: { refuseNul: boolean }): Checked {
  if (record instanceof UnreadableRecord) return { ok: false, rejection: { id: null, reason: record.reason } };
  const parsed = parseChange(record);
  if (!parsed.ok) return { ok: false, rejection: { id: parsed.id ?? null, reason: parsed.reason } };
  if (options.refuseNul && ESCAPED_NUL.test(JSON.stringify(parsed.change))) {
    return { ok: false, rejection: { id: parsed.change.id, reason: 'record: holds a NUL character (U+0000)' } };
  }
  return { ok: true, change: parsed.change };
}

interface Validated {
  rejected: Rejection[];
  /** The valid changes as the JSON rows of the upsert, one text for the whole batch. */
  rows: string;
  count: number;
}

function collect(records: readonly unknown[], options: { refuseNul: boolean }) {
  // Within one request the highest version of an id wins, as it would across requests; a deletion always applies.
  const byId = new Map<string, Change>();
  const rejected: Rejection[] = [];
  for (const [index, record] of records.entries()) {
    const checked = check(record, options);
    if (!checked.ok) {
      rejected.push({ ...checked.rejection, index });
      continue;
    }
    const { change } = checked;
    const known = byId.get(change.id);
    if (!known || isDeletion(change) || (!isDeletion(known) && change.version > known.version)) {
      byId.set(change.id, change);
    }
  }
  return { valid: [...byId.values()], rejected };
}

/**
 * Checks every record and serializes the valid ones once. Only when that text holds a NUL are the records checked one
 * by one for it, so the common batch is serialized once instead of once per record and again as a whole.
 */
function validate(records: readonly unknown[], now: Date): Validated {
  const first = collect(records, { refuseNul: false });
  const rows = JSON.stringify(first.valid.map((change) => rowOf(change, now)));
  if (!rows.includes('\\u0000') || !ESCAPED_NUL.test(rows))
    return { rejected: first.rejected, rows, count: first.valid.length };
  const second = collect(records, { refuseNul: true });
  const clean = JSON.stringify(second.valid.map((change) => rowOf(change, now)));
  return { rejected: second.rejected, rows: clean, count: second.valid.length };
}

function rowOf(change: Change, now: Date) {
  if (isDeletion(change)) return { id: change.id, version: 0, deletedAt: change.deletedAt };
  const keys = scopeKeysOf(change, now);
  return {
    id: change.id,
    version: change.version,
    body: change,
    stores: textArrayLiteral(keys.stores),
    countries: textArrayLiteral(keys.countries),
    onlineAt: keys.onlineAt,
  };
}

/** Where a write comes from, and the rules that decide the scope keys stored with each customer. */
export interface ApplyOptions {
  rules: ScopeRules;
  /** The platform source that read these records (server/sources/); null or absent for a push or an import. */
  sourceId?: string | null;
}

// Each row keeps its scope keys; the keys a change takes away are added to `left_*`, and `left_seq` names that change,
// so the feed sends a Deletion to the users whose scope the customer leaves (server/scopes/filter.ts).
// The batch is json, not jsonb: the body is stored and served as the text it arrived as, never parsed into a tree.
const UPSERT = `
with batch as (
  select r->>'id' as id, (r->>'version')::int8 as version, r->'body' as body,
    (r->>'deletedAt')::timestamptz as deleted_at, $2::int8 + n as seq,
    coalesce((r->>'stores')::text[], '{}') as scope_stores, coalesce((r->>'countries')::text[], '{}') as scope_countries,
    (r->>'onlineAt')::timestamptz as online_at
  from json_array_elements($1::json) with ordinality as batch(r, n)
)
insert into customers as c (id, version, body, deleted_at, seq, scope_stores, scope_countries, online_at,
  online_active, source_id)
select id, version, body, deleted_at, seq, scope_stores, scope_countries, online_at,
  coalesce(online_at > ${onlineWindowStart('$3', '$4')}, false), $5
from batch
on conflict (id) do update set
  version = case when excluded.body is null then c.version else excluded.version end,
  body = excluded.body, deleted_at = excluded.deleted_at, seq = excluded.seq, changed_at = now(),
  scope_stores = excluded.scope_stores, scope_countries = excluded.scope_countries,
  online_at = excluded.online_at, online_active = excluded.online_active,
  left_stores = scope_keys_left(c.left_stores, c.scope_stores, excluded.scope_stores),
  left_countries = scope_keys_left(c.left_countries, c.scope_countries, excluded.scope_countries),
  left_online = c.left_online or (c.online_active and not excluded.online_active),
  left_seq = case
    when c.scope_stores <@ excluded.scope_stores and c.scope_countries <@ excluded.scope_countries
      and (excluded.online_active or not c.online_active) then c.left_seq
    else excluded.seq end,
  source_id = coalesce(excluded.source_id, c.source_id)
where (excluded.body is null and c.deleted_at is null) or (excluded.body is not null and excluded.version > c.version)`;

async function applyValidated(
  tx: Queryable,
  { rows: batch, count, rejected }: Validated,
  total: number,
  options: ApplyOptions,
): Promise<PushResult> {
  const accepted = total - rejected.length;
  if (count === 0) return { accepted, unchanged: accepted, rejected };
  // Taking the sequence numbers locks the feed head until commit: writers commit in sequence order.
  const { rows } = await tx.query<{ base: number }>(
    'update feed_state set head_seq = head_seq + $1 returning head_seq - $1 as base',
    [count],
  );
  const result = await tx.query(UPSERT, [
    batch,
    rows[0]?.base ?? 0,
    options.rules.now().toISOString(),
    options.rules.storeOnlineMonths,
    options.sourceId ?? null,
  ]);
  return { accepted, unchanged: accepted - result.affected, rejected };
}

/** Validates the records and applies the valid ones within the caller's transaction (a source's pull). */
export function applyChanges(tx: Queryable, records: readonly unknown[], options: ApplyOptions): Promise<PushResult> {
  return applyValidated(tx, validate(records, options.rules.now()), records.length, options);
}

/** Validates the records and applies the valid ones in a transaction of their own: all of them or none. */
export async function pushChanges(
  db: Database,
  records: readonly unknown[],
  options: ApplyOptions,
): Promise<PushResult> {
  const checked = validate(records, options.rules.now());
  if (checked.count === 0) return applyValidated(db, checked, records.length, options);
  return db.transaction((tx) => applyValidated(tx, checked, records.length, options));
}

// Customers and deletions pushed by a retailer's ETL: every record is validated with the extension's own schema, and
// the valid ones are applied in one transaction (all of them or, if the database fails, none).
import { type Change, isDeletion, parseChange } from '../../lib/feed/schema';
import type { Database, Queryable } from '../db/database';
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

function check(record: unknown): Checked {
  if (record instanceof UnreadableRecord) return { ok: false, rejection: { id: null, reason: record.reason } };
  const parsed = parseChange(record);
  if (!parsed.ok) return { ok: false, rejection: { id: parsed.id ?? null, reason: parsed.reason } };
  // PostgreSQL's jsonb cannot hold U+0000; refusing the record here keeps it from failing the whole batch.
  if (JSON.stringify(parsed.change).includes('\\u0000')) {
    return { ok: false, rejection: { id: parsed.change.id, reason: 'record: holds a NUL character (U+0000)' } };
  }
  return { ok: true, change: parsed.change };
}

function validate(records: readonly unknown[]): { valid: Change[]; rejected: Rejection[] } {
  // Within one request the highest version of an id wins, as it would across requests; a deletion always applies.
  const byId = new Map<string, Change>();
  const rejected: Rejection[] = [];
  for (const [index, record] of records.entries()) {
    const checked = check(record);
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

function rowOf(change: Change) {
  return isDeletion(change)
    ? { id: change.id, version: 0, deletedAt: change.deletedAt }
    : { id: change.id, version: change.version, body: change };
}

/** Where a write comes from, and the rules that decide the scope keys stored with each customer. */
export interface ApplyOptions {
  rules: ScopeRules;
  /** The platform source that read these records (server/sources/); null or absent for a push or an import. */
  sourceId?: string | null;
}

// Each row keeps its scope keys; the keys a change takes away are added to `left_*`, and `left_seq` names that change,
// so the feed sends a Deletion to the users whose scope the customer leaves (server/scopes/filter.ts).
const UPSERT = `
with batch as (
  select r->>'id' as id, (r->>'version')::int8 as version, r->'body' as body,
    (r->>'deletedAt')::timestamptz as deleted_at, $2::int8 + n as seq,
    customer_online_at(r->'body') as activity
  from jsonb_array_elements($1::jsonb) with ordinality as batch(r, n)
), dated as (
  -- Activity dated in the future counts as now: it must not keep a customer in store scopes for ever.
  select *, case when activity > $3::timestamptz then $3::timestamptz else activity end as online_at from batch
)
insert into customers as c (id, version, body, deleted_at, seq, scope_stores, scope_countries, online_at,
  online_active, source_id)
select id, version, body, deleted_at, seq, customer_scope_stores(body), customer_scope_countries(body), online_at,
  coalesce(online_at > ${onlineWindowStart('$3', '$4')}, false), $5
from dated
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

type Validated = ReturnType<typeof validate>;

async function applyValidated(
  tx: Queryable,
  { valid, rejected }: Validated,
  total: number,
  options: ApplyOptions,
): Promise<PushResult> {
  const accepted = total - rejected.length;
  if (valid.length === 0) return { accepted, unchanged: accepted, rejected };
  // Taking the sequence numbers locks the feed head until commit: writers commit in sequence order.
  const { rows } = await tx.query<{ base: number }>(
    'update feed_state set head_seq = head_seq + $1 returning head_seq - $1 as base',
    [valid.length],
  );
  const result = await tx.query(UPSERT, [
    JSON.stringify(valid.map(rowOf)),
    rows[0]?.base ?? 0,
    options.rules.now().toISOString(),
    options.rules.storeOnlineMonths,
    options.sourceId ?? null,
  ]);
  return { accepted, unchanged: accepted - result.affected, rejected };
}

/** Validates the records and applies the valid ones within the caller's transaction (a source's pull). */
export function applyChanges(tx: Queryable, records: readonly unknown[], options: ApplyOptions): Promise<PushResult> {
  return applyValidated(tx, validate(records), records.length, options);
}

/** Validates the records and applies the valid ones in a transaction of their own: all of them or none. */
export async function pushChanges(
  db: Database,
  records: readonly unknown[],
  options: ApplyOptions,
): Promise<PushResult> {
  const checked = validate(records);
  if (checked.valid.length === 0) return applyValidated(db, checked, records.length, options);
  return db.transaction((tx) => applyValidated(tx, checked, records.length, options));
}

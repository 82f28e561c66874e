// Customers and deletions pushed by a retailer's ETL: every record is validated with the extension's own schema, and
// the valid ones are applied in one transaction (all of them or, if the database fails, none).
import type { Database, Queryable } from '../db/database';
import { onlineWindowStart, type ScopeRules } from '../scopes/rules';
import { type Batch, type Rejection, validateBatch } from './batch';

export const MAX_RECORDS_PER_PUSH = 10_000;

export interface PushResult {
  /** Valid records, applied or already superseded by an equal or higher version. */
  accepted: number;
  /** Accepted records that changed nothing: the hub already had that version or a newer one. */
  unchanged: number;
  rejected: Rejection[];
}

/** Where a write comes from, and the rules that decide the scope keys stored with each customer. */
export interface ApplyOptions {
  rules: ScopeRules;
  /** The platform source that read these records (server/sources/); null or absent for a push or an import. */
  sourceId?: string | null;
}

// Each row keeps its scope keys; the keys a change takes away are added to `left_*`, and `left_seq` names that change,
// so the feed sends a Deletion to the users whose scope the customer leaves (server/scopes/filter.ts).
// The bodies ($1) and the short columns ($6) are zipped row by row; the bodies stay json text, never parsed into a tree.
// Taking the $2 sequence numbers in the same statement locks the feed head until commit: writers commit in sequence
// order.
const UPSERT = `
with head as (
  update feed_state set head_seq = head_seq + $2::int8 returning head_seq - $2::int8 as base
),
batch as (
  select id, version, case when deleted_at is null then body end as body, deleted_at,
    (select base from head) + n as seq,
    coalesce(stores, '{}') as scope_stores, coalesce(countries, '{}') as scope_countries, online_at
  from rows from (
    json_array_elements($1::json),
    json_to_recordset($6::json) as (id text, version int8, "deletedAt" timestamptz, stores text[], countries text[],
      "onlineAt" timestamptz)
  ) with ordinality as r(body, id, version, deleted_at, stores, countries, online_at, n)
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
  { bodies, columns, count, rejected }: Batch,
  total: number,
  options: ApplyOptions,
): Promise<PushResult> {
  const accepted = total - rejected.length;
  if (count === 0) return { accepted, unchanged: accepted, rejected };
  const affected = await upsert(tx, { bodies, columns, count }, options.rules.now(), options);
  return { accepted, unchanged: accepted - affected, rejected };
}

/** Writes validated changes; how many rows changed. */
async function upsert(tx: Queryable, batch: Omit<Batch, 'rejected'>, now: Date, options: ApplyOptions) {
  const result = await tx.query(UPSERT, [
    batch.bodies,
    batch.count,
    now.toISOString(),
    options.rules.storeOnlineMonths,
    options.sourceId ?? null,
    batch.columns,
  ]);
  return result.affected;
}

/** Validates the records and applies the valid ones within the caller's transaction (a source's pull). */
export function applyChanges(tx: Queryable, records: readonly unknown[], options: ApplyOptions): Promise<PushResult> {
  return applyValidated(tx, validateBatch(records, options.rules.now()), records.length, options);
}

/** Records validated and written per statement when a push is written chunk by chunk. */
export const PUSH_CHUNK = 2_000;

/** Whether an id comes twice: the request's highest version must then win within it, decided over the whole batch. */
function repeatsAnId(records: readonly unknown[]): boolean {
  const ids = new Set<string>();
  for (const record of records) {
    const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') continue;
    if (ids.has(id)) return true;
    ids.add(id);
  }
  return false;
}

/**
 * Every id at most once: each chunk is sent to the database as soon as it is validated, and the next one is validated
 * while the database writes it, so the hub's CPU and the database's overlap instead of taking turns. Each record is
 * checked and written exactly as in one statement (no two chunks hold the same id).
 */
async function applyInChunks(tx: Queryable, records: readonly unknown[], options: ApplyOptions): Promise<PushResult> {
  const now = options.rules.now();
  const rejected: Rejection[] = [];
  // One statement at a time on the connection: each chunk's write starts once the previous one is done.
  let written = Promise.resolve(0);
  for (let start = 0; start < records.length; start += PUSH_CHUNK) {
    const checked = validateBatch(records.slice(start, start + PUSH_CHUNK), now);
    for (const rejection of checked.rejected) rejected.push({ ...rejection, index: rejection.index + start });
    if (checked.count === 0) continue;
    written = written.then(async (sum) => sum + (await upsert(tx, checked, now, options)));
    // Awaited below; a failure must not surface as an unhandled rejection while later chunks are validated.
    written.catch(() => {});
    // Lets the driver send this chunk (and read the previous one's answer) before the next is validated.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const affected = await written;
  const accepted = records.length - rejected.length;
  return { accepted, unchanged: accepted - affected, rejected };
}

/** Validates the records and applies the valid ones in a transaction of their own: all of them or none. */
export async function pushChanges(
  db: Database,
  records: readonly unknown[],
  options: ApplyOptions,
): Promise<PushResult> {
  if (records.length > PUSH_CHUNK && !repeatsAnId(records)) {
    return db.transaction((tx) => applyInChunks(tx, records, options));
  }
  const checked = validateBatch(records, options.rules.now());
  if (checked.count === 0) return applyValidated(db, checked, records.length, options);
  return db.transaction((tx) => applyValidated(tx, checked, records.length, options));
}

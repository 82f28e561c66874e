// Customers and deletions pushed by a retailer's ETL: every record is validated with the extension's own schema, and
// the valid ones are applied in one transaction (all of them or, if the database fails, none).
import { type Change, isDeletion, parseChange } from '../../lib/feed/schema';
import type { Database } from '../db/database';

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

const UPSERT = `
insert into customers as c (id, version, body, deleted_at, seq)
select r->>'id', (r->>'version')::int8, r->'body', (r->>'deletedAt')::timestamptz, $2::int8 + n
from jsonb_array_elements($1::jsonb) with ordinality as batch(r, n)
on conflict (id) do update set
  version = case when excluded.body is null then c.version else excluded.version end,
  body = excluded.body, deleted_at = excluded.deleted_at, seq = excluded.seq, changed_at = now()
where (excluded.body is null and c.deleted_at is null) or (excluded.body is not null and excluded.version > c.version)`;

export async function pushChanges(db: Database, records: readonly unknown[]): Promise<PushResult> {
  const { valid, rejected } = validate(records);
  const accepted = records.length - rejected.length;
  if (valid.length === 0) return { accepted, unchanged: accepted, rejected };
  const applied = await db.transaction(async (tx) => {
    // Taking the sequence numbers locks the feed head until commit: writers commit in sequence order.
    const { rows } = await tx.query<{ base: number }>(
      'update feed_state set head_seq = head_seq + $1 returning head_seq - $1 as base',
      [valid.length],
    );
    const result = await tx.query(UPSERT, [JSON.stringify(valid.map(rowOf)), rows[0]?.base ?? 0]);
    return result.affected;
  });
  return { accepted, unchanged: accepted - applied, rejected };
}

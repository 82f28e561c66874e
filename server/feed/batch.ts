// A batch of pushed or pulled records, validated with the extension's own schema and serialized for the upsert.
import { type Change, isDeletion, parseChange } from '../../lib/feed/schema';
import { scopeKeysOf } from '../scopes/keys';

export interface Rejection {
  /** The record's id when it has a readable one. */
  id: string | null;
  /** Position of the record in the request (0-based: array index or NDJSON line). */
  index: number;
  reason: string;
}

/** A record that could not be read at all (an NDJSON line that is not JSON); a class, so no JSON can pose as one. */
export class UnreadableRecord {
  constructor(readonly reason: string) {}
}

/**
 * The valid changes as two JSON arrays of the same length, read side by side by the upsert: the bodies, kept as text
 * by the database, and the short columns. The database parses the bodies once, to check them, and never again.
 */
export interface Batch {
  rejected: Rejection[];
  /** Customer bodies; null for a deletion. */
  bodies: string;
  /** { id, version, deletedAt?, stores, countries, onlineAt } per change, in the order of `bodies`. */
  columns: string;
  count: number;
}

type Checked = { ok: true; change: Change } | { ok: false; rejection: Omit<Rejection, 'index'> };

/** JSON text holding U+0000 (an escape after an even number of backslashes), which PostgreSQL's text cannot hold. */
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

const holdsNul = (json: string) => json.includes('\\u0000') && ESCAPED_NUL.test(json);

function check(record: unknown, options: { refuseNul: boolean }): Checked {
  if (record instanceof UnreadableRecord) return { ok: false, rejection: { id: null, reason: record.reason } };
  const parsed = parseChange(record);
  if (!parsed.ok) return { ok: false, rejection: { id: parsed.id ?? null, reason: parsed.reason } };
  if (options.refuseNul && holdsNul(JSON.stringify(parsed.change))) {
    return { ok: false, rejection: { id: parsed.change.id, reason: 'record: holds a NUL character (U+0000)' } };
  }
  return { ok: true, change: parsed.change };
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

function columnsOf(change: Change, now: Date) {
  if (isDeletion(change)) return { id: change.id, version: 0, deletedAt: change.deletedAt, stores: [], countries: [] };
  const keys = scopeKeysOf(change, now);
  return { id: change.id, version: change.version, ...keys };
}

function serialize(valid: readonly Change[], now: Date) {
  return {
    bodies: JSON.stringify(valid.map((change) => (isDeletion(change) ? null : change))),
    columns: JSON.stringify(valid.map((change) => columnsOf(change, now))),
  };
}

/**
 * Checks every record and serializes the valid ones once. Only when that text holds a NUL are the records checked one
 * by one for it, so the common batch is serialized once instead of once per record and again as a whole.
 */
export function validateBatch(records: readonly unknown[], now: Date): Batch {
  const first = collect(records, { refuseNul: false });
  const texts = serialize(first.valid, now);
  if (!holdsNul(texts.bodies) && !holdsNul(texts.columns)) {
    return { rejected: first.rejected, ...texts, count: first.valid.length };
  }
  const second = collect(records, { refuseNul: true });
  return { rejected: second.rejected, ...serialize(second.valid, now), count: second.valid.length };
}

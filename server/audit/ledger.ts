// Appending uploaded audit entries: each device's entries must continue the chain the hub already holds for it
// (lib/audit/chain.ts). A retried entry is skipped; a gap or an altered entry refuses the whole batch.
import { type AuditEntry, verifyChain } from '../../lib/audit/chain';
import type { Database, Queryable } from '../db/database';

export const MAX_AUDIT_ENTRIES_PER_UPLOAD = 1000;

/** An arbitrary constant naming the audit's per-device locks among the advisory locks of the database. */
const DEVICE_LOCK_CLASS = 7_250_418;

/** The batch does not continue a device's chain: nothing of it is written. */
export class ChainConflictError extends Error {}

export interface AppendResult {
  /** Entries written now. */
  accepted: number;
  /** Entries the hub already had, identical (a retry after a lost acknowledgement). */
  duplicates: number;
}

interface StoredLink {
  seq: number;
  hash: string;
}

/** Each device's entries in seq order. */
function byDevice(entries: readonly AuditEntry[]): Map<string, AuditEntry[]> {
  const devices = new Map<string, AuditEntry[]>();
  for (const entry of entries) devices.set(entry.device, [...(devices.get(entry.device) ?? []), entry]);
  for (const list of devices.values()) list.sort((a, b) => a.seq - b.seq);
  return devices;
}

const conflict = (entry: AuditEntry, problem: string) =>
  new ChainConflictError(`Device ${entry.device}, entry ${entry.seq}: ${problem}.`);

/** Splits one device's entries into those already stored (checked identical) and the new ones (checked chained). */
async function checkDevice(tx: Queryable, device: string, entries: AuditEntry[]) {
  const { rows: lasts } = await tx.query<StoredLink>(
    'select seq, hash from audit_entries where device = $1 order by seq desc limit 1',
    [device],
  );
  const last = lasts[0];
  const seen = entries.filter((entry) => last && entry.seq <= last.seq);
  const { rows: stored } = await tx.query<StoredLink>(
    'select seq, hash from audit_entries where device = $1 and seq = any($2::int8[])',
    [device, seen.map((entry) => entry.seq)],
  );
  const storedHashes = new Map(stored.map((link) => [link.seq, link.hash]));
  for (const entry of seen) {
    if (storedHashes.get(entry.seq) !== entry.hash) throw conflict(entry, 'differs from the entry the hub holds');
  }
  const fresh: AuditEntry[] = [];
  for (const entry of entries.filter((candidate) => !seen.includes(candidate))) {
    const twin = fresh.find((known) => known.seq === entry.seq);
    if (twin && twin.hash !== entry.hash) throw conflict(entry, 'sent twice, differently');
    if (!twin) fresh.push(entry);
  }
  const first = fresh[0];
  if (!first) return { fresh, duplicates: entries.length };
  // A device the hub has not heard of anchors where its upload starts (a first entry must start from genesis).
  const anchor = last ?? (first.seq === 1 ? undefined : { seq: first.seq - 1, hash: first.prev });
  const check = await verifyChain(fresh, anchor);
  if (!check.ok) throw new ChainConflictError(`Device ${device}, entry ${check.seq}: ${check.problem}.`);
  return { fresh, duplicates: entries.length - fresh.length };
}

const INSERT = `
insert into audit_entries (device, seq, at, at_time, user_id, action, customer_id, location, adapter, page, found_by,
  reason, prev, hash, uploaded_by)
select e->>'device', (e->>'seq')::int8, e->>'at', date_trunc('milliseconds', (e->>'at')::timestamptz), e->>'user',
  e->>'action', e->>'customerId', e->>'where', e->>'adapter', e->>'page', e->>'foundBy', e->>'reason', e->>'prev',
  e->>'hash', $2
from jsonb_array_elements($1::jsonb) with ordinality as batch(e, n)
order by n`;

/**
 * Checks and writes a batch in one transaction. Each device is locked for the transaction (in name order, so two
 * batches never wait on each other crosswise): two uploads for one device cannot both extend its chain.
 */
export async function appendAudit(
  db: Database,
  entries: readonly AuditEntry[],
  options: { uploadedBy: string },
): Promise<AppendResult> {
  const devices = byDevice(entries);
  return db.transaction(async (tx) => {
    const fresh: AuditEntry[] = [];
    let duplicates = 0;
    for (const device of [...devices.keys()].sort()) {
      await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [DEVICE_LOCK_CLASS, device]);
      const checked = await checkDevice(tx, device, devices.get(device) ?? []);
      fresh.push(...checked.fresh);
      duplicates += checked.duplicates;
    }
    if (fresh.length > 0) await tx.query(INSERT, [JSON.stringify(fresh), options.uploadedBy]);
    return { accepted: fresh.length, duplicates };
  });
}

import Dexie, { type EntityTable, type Table } from 'dexie';
import { type AuditEntry, type AuditFacts, type ChainCheck, chainEntry, verifyChain } from './chain';

interface AuditMeta {
  key: 'state';
  device: string;
  /** Entries up to this seq were acknowledged by the feed. */
  ackedSeq: number;
}

/**
 * The view audit, in its own database: wiping the customer cache (sign-out, region change, retention) must not
 * wipe the record of who saw whom. Entries hold customer ids, never customer data.
 */
export class AuditDb extends Dexie {
  entries!: EntityTable<AuditEntry, 'seq'>;
  meta!: Table<AuditMeta, string>;

  constructor(name = 'reconnu-audit') {
    super(name);
    this.version(1).stores({ entries: 'seq, customerId, user, at', meta: 'key' });
  }
}

export function createAuditLog(db: AuditDb) {
  // Appends are chained: one at a time, each after the previous one is stored.
  let tail: Promise<unknown> = Promise.resolve();

  async function state(): Promise<AuditMeta> {
    const known = await db.meta.get('state');
    if (known) return known;
    const fresh: AuditMeta = { key: 'state', device: crypto.randomUUID(), ackedSeq: 0 };
    await db.meta.add(fresh);
    return fresh;
  }

  // Only append() adds entries, one at a time: once read, the device and the chain's last entry are known here
  // (read again after a failed append, which may or may not have been stored).
  let known: { device: string; last: AuditEntry | undefined } | undefined;

  /** Chains and stores several entries in one transaction, in order; all or none are stored. */
  function appendAll(all: AuditFacts[]): Promise<AuditEntry[]> {
    const next = tail.then(async () => {
      if (all.length === 0) return [];
      try {
        known ??= { device: (await state()).device, last: await db.entries.orderBy('seq').last() };
        const entries: AuditEntry[] = [];
        for (const facts of all) entries.push(await chainEntry(facts, known.device, entries.at(-1) ?? known.last));
        await db.transaction('rw', db.entries, () => db.entries.bulkAdd(entries));
        known.last = entries.at(-1);
        return entries;
      } catch (error) {
        known = undefined;
        throw error;
      }
    });
    tail = next.catch(() => undefined);
    return next;
  }

  async function append(facts: AuditFacts): Promise<AuditEntry> {
    return (await appendAll([facts]))[0] as AuditEntry;
  }

  async function pending(limit: number): Promise<AuditEntry[]> {
    const { ackedSeq } = await state();
    return db.entries.where('seq').above(ackedSeq).limit(limit).toArray();
  }

  async function acknowledge(seq: number): Promise<void> {
    const current = await state();
    if (seq > current.ackedSeq) await db.meta.put({ ...current, ackedSeq: seq });
  }

  async function recent(limit: number): Promise<AuditEntry[]> {
    return db.entries.orderBy('seq').reverse().limit(limit).toArray();
  }

  async function verify(): Promise<ChainCheck> {
    return verifyChain(await db.entries.orderBy('seq').toArray());
  }

  return { append, appendAll, pending, acknowledge, recent, verify, state };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

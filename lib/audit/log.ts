import Dexie, { type EntityTable, type Table } from 'dexie';
import type { WrappedKey } from '../store';
import { type AuditEntry, type AuditFacts, type ChainCheck, chainEntry, verifyChain } from './chain';
import { hasSealedReason, openReason, type StoredAuditEntry, sealReason } from './reasons';

interface AuditMeta {
  key: 'state';
  device: string;
  /** Entries up to this seq were acknowledged by the feed. */
  ackedSeq: number;
}

/** An entry not sent when its chain was closed (sign-out), kept for its owner (`user`) and sent under their token. */
export type HeldEntry = StoredAuditEntry & { heldAt: string };

/** The store key a closed chain's reasons are sealed under, wrapped under its owner's feed secret (store-key.ts). */
interface HeldKey {
  device: string;
  wrapped: WrappedKey | null;
}

/**
 * The view audit, in its own database: wiping the customer cache (sign-out, region change, retention) must not
 * wipe the record of who saw whom. Entries hold customer ids, never customer data; reasons are sealed (reasons.ts).
 */
export class AuditDb extends Dexie {
  entries!: EntityTable<StoredAuditEntry, 'seq'>;
  meta!: Table<AuditMeta, string>;
  held!: Table<HeldEntry, [string, number]>;
  heldKeys!: EntityTable<HeldKey, 'device'>;

  constructor(name = 'reconnu-audit') {
    super(name);
    this.version(1).stores({ entries: 'seq, customerId, user, at', meta: 'key' });
    this.version(2).stores({ held: '[device+seq], user, heldAt', heldKeys: 'device' });
  }
}

export interface AuditLogOptions {
  /** The key reasons are sealed under: the local store's data key; throws while the store is locked. */
  reasonKey: () => CryptoKey;
}

export function createAuditLog(db: AuditDb, { reasonKey }: AuditLogOptions) {
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
  let known: { device: string; last: StoredAuditEntry | undefined } | undefined;

  /** Chains and stores several entries in one transaction, in order; all or none are stored. */
  function appendAll(all: AuditFacts[]): Promise<AuditEntry[]> {
    const next = tail.then(async () => {
      if (all.length === 0) return [];
      try {
        known ??= { device: (await state()).device, last: await db.entries.orderBy('seq').last() };
        const entries: AuditEntry[] = [];
        for (const facts of all) entries.push(await chainEntry(facts, known.device, entries.at(-1) ?? known.last));
        const stored = await Promise.all(entries.map((entry) => sealReason(entry, reasonKey)));
        await db.transaction('rw', db.entries, () => db.entries.bulkAdd(stored));
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

  const opened = (stored: StoredAuditEntry[]) => Promise.all(stored.map((entry) => openReason(entry, reasonKey)));

  /** Unacknowledged entries, oldest first, reasons opened (rejects while the store is locked). */
  async function pending(limit: number): Promise<AuditEntry[]> {
    const { ackedSeq } = await state();
    return opened(await db.entries.where('seq').above(ackedSeq).limit(limit).toArray());
  }

  async function acknowledge(seq: number): Promise<void> {
    const current = await state();
    if (seq > current.ackedSeq) await db.meta.put({ ...current, ackedSeq: seq });
  }

  async function recent(limit: number): Promise<AuditEntry[]> {
    return opened(await db.entries.orderBy('seq').reverse().limit(limit).toArray());
  }

  async function verify(): Promise<ChainCheck> {
    return verifyChain(await opened(await db.entries.orderBy('seq').toArray()));
  }

  /**
   * Ends this chain (sign-out, or entries of another user found unsent): acknowledged entries are erased, unsent ones
   * are held for their owners with `wrapped` (the store key, wrapped under the owner's feed secret) when a reason needs
   * it, and the next entry starts a new chain (another device id: the feed anchors it afresh).
   */
  function closeChain(wrapped: WrappedKey | null): Promise<void> {
    const next = tail.then(() =>
      db.transaction('rw', [db.entries, db.meta, db.held, db.heldKeys], async () => {
        const { device, ackedSeq } = await state();
        const unsent = await db.entries.where('seq').above(ackedSeq).toArray();
        const heldAt = new Date().toISOString();
        await db.held.bulkAdd(unsent.map((entry) => ({ ...entry, heldAt })));
        if (unsent.some(hasSealedReason)) await db.heldKeys.put({ device, wrapped });
        await db.entries.clear();
        await db.meta.put({ key: 'state', device: crypto.randomUUID(), ackedSeq: 0 });
        known = undefined;
      }),
    );
    tail = next.catch(() => undefined);
    return next;
  }

  return { append, appendAll, pending, acknowledge, recent, verify, state, closeChain, held: heldEntries(db) };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

/** Closed chains' unsent entries: each is only ever sent under its owner's token (upload.ts). */
function heldEntries(db: AuditDb) {
  return {
    /** The owner's held entries, by chain, oldest first. */
    async of(user: string): Promise<Map<string, HeldEntry[]>> {
      const mine = await db.held.where('user').equals(user).toArray();
      const chains = new Map<string, HeldEntry[]>();
      for (const entry of mine.sort((a, b) => a.seq - b.seq)) {
        const chain = chains.get(entry.device);
        if (chain) chain.push(entry);
        else chains.set(entry.device, [entry]);
      }
      return chains;
    },
    count: () => db.held.count(),
    key: async (device: string) => (await db.heldKeys.get(device))?.wrapped ?? null,
    /** Forgets what the feed acknowledged, and the chain's key once nothing of it is left. */
    async release(device: string, upToSeq: number): Promise<void> {
      await db.transaction('rw', db.held, db.heldKeys, async () => {
        await db.held.where('[device+seq]').between([device, 0], [device, upToSeq], true, true).delete();
        if ((await db.held.where('[device+seq]').between([device, 0], [device, Infinity]).count()) === 0)
          await db.heldKeys.delete(device);
      });
    },
    /** Drops entries held since before `cutoff` (their owner never came back), and keys no entry needs. */
    async dropHeldBefore(cutoff: Date): Promise<number> {
      return db.transaction('rw', db.held, db.heldKeys, async () => {
        const dropped = await db.held.where('heldAt').below(cutoff.toISOString()).delete();
        const devices = new Set((await db.held.toArray()).map((entry) => entry.device));
        await db.heldKeys.filter((key) => !devices.has(key.device)).delete();
        return dropped;
      });
    },
  };
}

import { open, seal } from '../crypto/crypto';
import type { ReconnuDb } from '../db';
import type { PendingPurge } from '../meta-rows';
import { storeWrites } from '../store-writes';
import { blocksWithout, compareEntries, type Entry, removeEntries, writeBlocks } from './key-index';

/**
 * Index entries whose customer copy is already gone (erased, or superseded and pruned), waiting to be removed from
 * the index blocks. Removing them one erasure or one prune batch at a time rewrote the same blocks again and again
 * (each entry of a customer sits in another block), in long write transactions that lookups wait behind. They are
 * recorded instead (sealed: keys are personal data) in the transaction that removes the copies, and purgeIndex()
 * removes them all, each block rewritten once, before the sync run that recorded them ends (engine.ts).
 *
 * Meanwhile they find nobody: the segment they point to no longer holds that customer (reads check it), and
 * locateCopies() skips them (pendingRemovals).
 */
const CONTEXT = 'purge';
/**
 * Entries removed per transaction, sorted by key: each block is rewritten about once, and each transaction is short
 * (lookups wait behind it). What a batch writes is read, filtered and sealed before its transaction, which then only
 * writes (or, if the store changed meanwhile, does it all again inside).
 */
const PURGE_BATCH = 200;

export async function pendingRemovals(db: ReconnuDb): Promise<Entry[]> {
  const stored = (await db.meta.get('purge')) as PendingPurge | undefined;
  return stored ? await open<Entry[]>(db.dataKey, stored.box, CONTEXT) : [];
}

/** The pending row holding these entries, sealed (null: none left). */
export async function sealPending(db: ReconnuDb, entries: Entry[]): Promise<PendingPurge | null> {
  return entries.length === 0 ? null : { key: 'purge', box: await seal(db.dataKey, entries, CONTEXT) };
}

export async function writePending(db: ReconnuDb, row: PendingPurge | null): Promise<void> {
  await (row ? db.meta.put(row) : db.meta.delete('purge'));
}

// Not writePending(sealPending(...)): inside a transaction, the extra async hop after the seal's wait let Dexie
// commit it early (PrematureCommitError), so the seal is awaited right in the put.
async function setPending(db: ReconnuDb, entries: Entry[]): Promise<void> {
  if (entries.length === 0) await db.meta.delete('purge');
  else await db.meta.put({ key: 'purge', box: await seal(db.dataKey, entries, CONTEXT) });
}

/** Records entries to remove; call inside the transaction that removes the copies they point to. */
export async function deferRemoval(db: ReconnuDb, entries: Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const pending = await pendingRemovals(db);
  await setPending(db, [...pending, ...entries.map(([key, seg]): Entry => [key, seg])]);
}

/** A lookup of (key, seg) pairs pending removal. */
export function pendingSet(entries: Entry[]): Set<string> {
  return new Set(entries.map(([key, seg]) => `${seg}\u0001${key}`));
}

/** Physically removes every pending entry from the index; returns how many were pending. */
export async function purgeIndex(db: ReconnuDb): Promise<number> {
  let purged = 0;
  for (;;) {
    const writes = storeWrites(db);
    const pending = (await pendingRemovals(db)).sort(compareEntries);
    if (pending.length === 0) return purged;
    const batch = pending.slice(0, PURGE_BATCH);
    const [blocks, rest] = await Promise.all([blocksWithout(db, batch), sealPending(db, pending.slice(PURGE_BATCH))]);
    purged += await db.transaction('rw', db.indexBlocks, db.indexDirectories, db.meta, async () => {
      if (storeWrites(db) === writes) {
        await writeBlocks(db, blocks);
        await writePending(db, rest);
        return batch.length;
      }
      const current = (await pendingRemovals(db)).sort(compareEntries);
      await removeEntries(db, current.slice(0, PURGE_BATCH));
      await setPending(db, current.slice(PURGE_BATCH));
      return Math.min(PURGE_BATCH, current.length);
    });
  }
}

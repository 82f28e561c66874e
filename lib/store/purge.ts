import { open, seal } from './crypto';
import type { PendingPurge, ReconnuDb } from './db';
import { compareEntries, type Entry, removeEntries } from './key-index';

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
/** Entries removed per transaction, sorted by key: short write transactions (lookups wait behind them), each block
 * rewritten about once. */
const PURGE_BATCH = 1000;

export async function pendingRemovals(db: ReconnuDb): Promise<Entry[]> {
  const stored = (await db.meta.get('purge')) as PendingPurge | undefined;
  return stored ? await open<Entry[]>(db.key, stored.box, CONTEXT) : [];
}

async function setPending(db: ReconnuDb, entries: Entry[]): Promise<void> {
  if (entries.length === 0) await db.meta.delete('purge');
  else await db.meta.put({ key: 'purge', box: await seal(db.key, entries, CONTEXT) });
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
    const done = await db.transaction('rw', db.indexBlocks, db.indexDirectories, db.meta, async () => {
      const pending = (await pendingRemovals(db)).sort(compareEntries);
      if (pending.length === 0) return true;
      await removeEntries(db, pending.slice(0, PURGE_BATCH));
      await setPending(db, pending.slice(PURGE_BATCH));
      purged += Math.min(PURGE_BATCH, pending.length);
      return false;
    });
    if (done) return purged;
  }
}

import type { ReconnuDb } from './db';
import { readCheckpoint } from './meta-cache';
import { locateCopies, removeCopies } from './segments/copies';

// Small batches, as for pruning: lookups wait for a write transaction on the same stores.
const PURGE_BATCH = 50;

/**
 * Retention: removes every customer whose latest copy was received before `cutoffMs` (epoch ms), every copy and
 * index entry with it, a batch of old segments per transaction, and lowers the checkpoint's customer count. Copies
 * in those segments that a later one supersedes go too (the customer stays). Returns how many customers went.
 */
export async function purgeNotRefreshedSince(db: ReconnuDb, cutoffMs: number): Promise<number> {
  let purged = 0;
  for (;;) {
    const stores = [db.segments, db.indexBlocks, db.indexDirectories, db.meta];
    const removed = await db.transaction('rw', stores, async () => {
      const old = await db.segments.where('receivedAt').below(cutoffMs).limit(PURGE_BATCH).toArray();
      if (old.length === 0) return null;
      const copies = await locateCopies(db, [...new Set(old.flatMap((segment) => segment.ids))]);
      const removals = new Map<number, Set<string>>();
      const remove = (seg: number, id: string) => removals.set(seg, (removals.get(seg) ?? new Set()).add(id));
      const expired = new Set<string>();
      for (const segment of old) {
        segment.ids.forEach((id, position) => {
          const latest = copies.get(id);
          // The latest copy is this old one (or the index lost track of it): the customer expires.
          if (!latest || latest.version <= (segment.versions[position] as number)) expired.add(id);
          remove(segment.seg as number, id);
        });
      }
      for (const id of expired) for (const seg of copies.get(id)?.segs ?? []) remove(seg, id);
      await removeCopies(db, removals);
      const checkpoint = await readCheckpoint(db);
      await db.meta.put({ ...checkpoint, customers: Math.max(0, checkpoint.customers - expired.size) });
      return expired.size;
    });
    if (removed === null) return purged;
    purged += removed;
  }
}

import type { ReconnuDb } from './db';
import { readCheckpoint } from './meta-cache';
import { liveIdKeys } from './read';
import { locateCopies, removeCopies } from './segments/copies';

/**
 * When the feed rejects our cursor (its log was reset), the whole feed is read again. Deletions that happened in
 * between may never be sent, so a resync is a mark-and-sweep: every page records the ids it carried, and at the
 * end every stored customer that no page mentioned is erased. The state survives worker restarts.
 */
export async function startResync(db: ReconnuDb, startedAt: string): Promise<void> {
  await db.transaction('rw', db.meta, db.resyncSeen, async () => {
    await db.resyncSeen.clear();
    await db.meta.put({ key: 'resync', startedAt });
    await db.meta.put({ ...(await readCheckpoint(db)), cursor: null });
  });
}

export async function isResyncing(db: ReconnuDb): Promise<boolean> {
  return (await db.meta.get('resync')) !== undefined;
}

/** Erases what the resync did not see; returns how many customers went. */
export async function finishResync(db: ReconnuDb): Promise<number> {
  return db.transaction('rw', [db.segments, db.indexBlocks, db.indexDirectories, db.meta, db.resyncSeen], async () => {
    if (!(await isResyncing(db))) return 0;
    const seen = new Set((await db.resyncSeen.toArray()).flatMap((page) => page.ids));
    const stored = new Set(await liveIdKeys(db));
    const unseen = [...stored].filter((id) => !seen.has(id));
    const erasures = new Map<number, Set<string>>();
    for (const [id, copies] of await locateCopies(db, unseen)) {
      for (const seg of copies.segs) erasures.set(seg, (erasures.get(seg) ?? new Set()).add(id));
    }
    await removeCopies(db, erasures);
    const checkpoint = await readCheckpoint(db);
    await db.meta.put({ ...checkpoint, customers: checkpoint.customers - unseen.length });
    await db.resyncSeen.clear();
    await db.meta.delete('resync');
    return unseen.length;
  });
}

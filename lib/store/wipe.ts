import type { ReconnuDb } from './db';

/** Erases every local customer, index entry, sync issue and checkpoint at once: the next sync starts from scratch. */
export async function clearLocalStore(db: ReconnuDb): Promise<void> {
  const tables = [db.segments, db.keyBlocks, db.meta, db.quarantine, db.resyncSeen];
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
  });
}

import { forgetStoreKey } from './crypto/store-key';
import type { ReconnuDb } from './db';
import { forgetRuns } from './lookup-index/block-cache';

/**
 * Erases every local customer, index entry, sync issue and checkpoint at once, and the data key with them: the next
 * sync starts from scratch under a new key.
 */
export async function clearLocalStore(db: ReconnuDb): Promise<void> {
  const tables = [db.segments, db.indexBlocks, db.indexDirectories, db.meta, db.quarantine, db.resyncSeen];
  forgetRuns(db);
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
  });
  await forgetStoreKey(db);
}

import { fetchStorageSecret } from '../feed/client';
import { refreshMe } from '../feed/me';
import { readSettings } from '../settings';
import type { ReconnuDb } from '../store/db';
import { unlockStore } from '../store/unlock';
import { runSync, type SyncOutcome } from './engine';
import { applyRegion } from './region';
import { syncStatusItem } from './status';

/** One sync at a time: a call made while a run is in progress joins that run. */
export function createSyncScheduler(db: ReconnuDb) {
  let running: Promise<SyncOutcome> | null = null;

  async function start(): Promise<SyncOutcome> {
    const settings = await readSettings();
    await applyRegion(db, settings.region);
    if (!settings.feedUrl) {
      const status = await syncStatusItem.getValue();
      await syncStatusItem.setValue({
        ...status,
        state: 'idle',
        message: 'No feed configured.',
        notice: { code: 'noFeed' },
      });
      return { ok: false, error: 'No feed configured.' };
    }
    const config = { feedUrl: settings.feedUrl, token: settings.token };
    void refreshMe(config);
    return runSync({
      db,
      config,
      publish: (status) => syncStatusItem.setValue(status),
      unlock: () => unlockStore(db, () => fetchStorageSecret(config)),
    });
  }

  return function syncNow(): Promise<SyncOutcome> {
    running ??= start().finally(() => {
      running = null;
    });
    return running;
  };
}

import { fetchStorageSecret } from '../feed/client';
import { refreshMe, refreshMeFrom } from '../feed/me';
import { refreshPolicy } from '../policy/refresh';
import { readSettings } from '../settings';
import { clearLocalStore, purgeNotRefreshedSince, type ReconnuDb, readCheckpoint, unlockStore } from '../store';
import { runSync, type SyncDeps, type SyncOutcome } from './engine';
import { applyRegion } from './region';
import { followSource, resolveSource } from './source';
import { namingSource, type SyncNotice, syncStatusItem } from './status';

/** Customers the feed has not sent again within the retention period leave the local copy (after a good sync). */
async function applyRetention(db: ReconnuDb, days: number): Promise<void> {
  const purged = await purgeNotRefreshedSince(db, Date.now() - days * 86_400_000);
  if (purged === 0) return;
  const status = await syncStatusItem.getValue();
  await syncStatusItem.setValue({ ...status, customers: (await readCheckpoint(db)).customers });
}

type Hooks = Pick<SyncDeps, 'onErased'> & {
  /** Wipes what the previous source's customers left everywhere, before the first sync from a new one. */
  wipeCustomers?: () => Promise<void>;
  /** After each run, successful or not (the audit upload rides on the sync alarm). */
  afterRun?: () => Promise<unknown>;
  /** The feed refused the token itself: sign out and wipe (run after the sync let go of the store). */
  onRevoked?: () => Promise<unknown>;
};

/** One sync at a time; calls made during a run share one more run after it. `stop` aborts the run (sign-out). */
export function createSyncScheduler(db: ReconnuDb, hooks: Hooks = {}) {
  let running: Promise<SyncOutcome> | null = null;
  let controller = new AbortController();

  /** No source to read (none configured, or signed out): the status says so rather than "Up to date". */
  async function disconnected(message: string, notice: SyncNotice): Promise<SyncOutcome> {
    const status = await syncStatusItem.getValue();
    // "Signed out" after a revoked token keeps saying why, until a new token is entered.
    if (notice.code === 'signedOut' && status.notice?.code === 'revoked') return { ok: false, error: message };
    await syncStatusItem.setValue({ ...status, state: 'disconnected', message, notice });
    return { ok: false, error: message };
  }

  async function start(signal: AbortSignal): Promise<SyncOutcome> {
    const settings = await readSettings();
    await applyRegion(db, settings.region);
    const resolved = resolveSource(settings);
    if (!resolved.ok) return disconnected(resolved.message, resolved.notice);
    const { connector, feed } = resolved;
    await followSource(resolved.identity, hooks.wipeCustomers ?? (() => clearLocalStore(db)));
    if (feed) {
      if ((await refreshMe(feed)) === 'revoked') {
        return { ok: false, error: 'The feed refused the access token.', revoked: true };
      }
      await refreshPolicy(feed, settings.policyPublicKey);
    } else {
      await refreshMeFrom(connector);
    }
    const outcome = await runSync(
      {
        db,
        source: connector,
        publish: (status) => syncStatusItem.setValue(namingSource(status, resolved.label)),
        onErased: hooks.onErased,
        // Without a feed there is no storage secret: the store's key lasts the browser session (see store-key.ts).
        unlock: () => unlockStore(db, () => (feed ? fetchStorageSecret(feed) : Promise.resolve(null))),
      },
      signal,
    ).catch((error: Error): SyncOutcome => ({ ok: false, error: error.message }));
    if (outcome.ok && settings.retentionDays > 0) await applyRetention(db, settings.retentionDays);
    return outcome;
  }

  let queued: Promise<SyncOutcome> | null = null;

  function syncNow(): Promise<SyncOutcome> {
    // A call made during a run may come with new settings the run did not read: one more run follows it.
    if (running) {
      queued ??= running.then(() => {
        queued = null;
        return syncNow();
      });
      return queued;
    }
    running = start(controller.signal).finally(() => {
      running = null;
      void hooks.afterRun?.();
    });
    // Signing out stops the sync and waits for it: started once this run has ended, never from inside it.
    void running.then((outcome) => !outcome.ok && outcome.revoked && hooks.onRevoked?.());
    return running;
  }

  /** Aborts the run in progress and waits until it has let go of the store. */
  async function stop(): Promise<void> {
    controller.abort();
    await running?.catch(() => undefined);
    controller = new AbortController();
  }

  return { syncNow, stop };
}

import { useEffect, useState } from 'react';
import { initialSyncStatus, type SyncStatus, syncStatusItem } from '@/lib/sync/status';
import { useLocale, useStrings } from './AppShell';

/** The sync's status, kept current; undefined until read (a page that changes its layout by it waits for it). */
export function useStoredSyncStatus(): SyncStatus | undefined {
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  useEffect(() => {
    syncStatusItem.getValue().then(setStatus);
    return syncStatusItem.watch((value) => setStatus(value ?? initialSyncStatus));
  }, []);
  return status;
}

export function useSyncStatus(): SyncStatus {
  return useStoredSyncStatus() ?? initialSyncStatus;
}

/** Notices that mean no source can be read: a status saved by an older version said "Up to date" with them. */
const NOTHING_TO_READ = new Set(['noFeed', 'signedOut', 'revoked']);

/** Whether nothing is configured to sync from (first run, signed out): never to be read as "Up to date". */
export function isDisconnected(status: SyncStatus): boolean {
  return status.state === 'disconnected' || NOTHING_TO_READ.has(status.notice?.code ?? '');
}

/** Sync state, customer count, progress and last success, announced politely to screen readers. */
export function SyncStatusView() {
  const t = useStrings();
  const locale = useLocale();
  const status = useSyncStatus();
  const busy = status.state === 'syncing' || status.state === 'retrying';
  const disconnected = isDisconnected(status);
  const neverSynced = status.state === 'idle' && !status.lastSuccessAt;
  const detail = status.message && (
    <span className="muted"> · {(status.notice && t.notice(status.notice)) ?? status.message}</span>
  );
  if (disconnected) {
    return (
      <div>
        <p role="status" aria-live="polite">
          {t.state.disconnected}
          {detail}
        </p>
      </div>
    );
  }
  return (
    <div>
      <p role="status" aria-live="polite">
        {neverSynced ? t.notSyncedYet : t.state[status.state]} · {t.customers(status.customers)}
        {detail}
      </p>
      {busy && (
        <progress
          aria-label={t.state.syncing}
          max={status.total ?? undefined}
          value={status.total ? status.done : undefined}
        />
      )}
      <p className="muted">
        {t.lastSync}:{' '}
        {status.lastSuccessAt
          ? new Date(status.lastSuccessAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })
          : t.never}
      </p>
    </div>
  );
}

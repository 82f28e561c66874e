import { useEffect, useState } from 'react';
import { initialSyncStatus, type SyncStatus, syncStatusItem } from '@/lib/sync/status';
import { useLocale, useStrings } from './AppShell';

export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(initialSyncStatus);
  useEffect(() => {
    syncStatusItem.getValue().then(setStatus);
    return syncStatusItem.watch((value) => setStatus(value ?? initialSyncStatus));
  }, []);
  return status;
}

/** Sync state, customer count, progress and last success, announced politely to screen readers. */
export function SyncStatusView() {
  const t = useStrings();
  const locale = useLocale();
  const status = useSyncStatus();
  const busy = status.state === 'syncing' || status.state === 'retrying';
  return (
    <div>
      <p role="status" aria-live="polite">
        {t.state[status.state]} · {t.customers(status.customers)}
        {status.message && (
          <span className="muted"> · {(status.notice && t.notice(status.notice)) ?? status.message}</span>
        )}
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

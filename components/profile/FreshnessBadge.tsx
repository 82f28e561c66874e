import { useSyncStatus } from '../SyncStatusView';
import { useProfile } from './useProfile';

/** After this long without a successful sync, the data is shown as stale. */
const STALE_MS = 15 * 60_000;

/** "as of 10:42": how fresh the cached profile is, and a clear offline or stale state. */
export function FreshnessBadge() {
  const { p, f } = useProfile();
  const status = useSyncStatus();
  if (!status.lastSuccessAt) return <p className="badge badge-stale">{p.neverSynced}</p>;
  const time = f.time(status.lastSuccessAt);
  if (status.state === 'offline') return <p className="badge badge-stale">{p.offline(time)}</p>;
  if (Date.now() - Date.parse(status.lastSuccessAt) > STALE_MS)
    return <p className="badge badge-stale">{p.stale(time)}</p>;
  return <p className="badge">{p.asOf(time)}</p>;
}

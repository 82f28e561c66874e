import { useQuery } from '@tanstack/react-query';
import { ask } from '@/lib/protocol/client';
import { useStrings } from '../AppShell';
import { useSyncStatus } from '../SyncStatusView';

/** Records the sync set aside (quarantined) and why: the administrator's to fix at the source. */
export function SyncIssues() {
  const t = useStrings();
  const { quarantined, customers } = useSyncStatus();
  const issues = useQuery({
    queryKey: ['quarantine', quarantined, customers],
    queryFn: () => ask({ type: 'listQuarantine' }),
  });
  return (
    <section aria-labelledby="sync-issues">
      <h3 id="sync-issues">{t.syncIssues}</h3>
      {issues.isError && <p role="alert">{issues.error.message}</p>}
      {issues.data?.length === 0 && <p className="muted">{t.noSyncIssues}</p>}
      {!!issues.data?.length && (
        <table>
          <tbody>
            {issues.data.map((issue) => (
              <tr key={issue.id}>
                <td>{issue.id}</td>
                <td>{issue.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

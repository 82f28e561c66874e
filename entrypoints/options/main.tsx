import { useQuery } from '@tanstack/react-query';
import { AccountSection } from '@/components/AccountSection';
import { AdapterHealthView } from '@/components/AdapterHealthView';
import { mountPage, useStrings } from '@/components/AppShell';
import { CallNotifications } from '@/components/CallNotifications';
import { FeedForm } from '@/components/FeedForm';
import { PolicyStatusView } from '@/components/PolicyStatusView';
import { RecognitionSettings } from '@/components/RecognitionSettings';
import { SiteRulesEditor } from '@/components/SiteRulesEditor';
import { SyncStatusView, useSyncStatus } from '@/components/SyncStatusView';
import { ask } from '@/lib/protocol/client';

function SyncIssues() {
  const t = useStrings();
  const { quarantined, customers } = useSyncStatus();
  const issues = useQuery({
    queryKey: ['quarantine', quarantined, customers],
    queryFn: () => ask({ type: 'listQuarantine' }),
  });
  return (
    <section aria-labelledby="sync-issues">
      <h2 id="sync-issues">{t.syncIssues}</h2>
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

mountPage(
  <main>
    <h1>Reconnu</h1>
    <FeedForm />
    <CallNotifications />
    <SyncStatusView />
    <PolicyStatusView />
    <SyncIssues />
    <AccountSection />
    <RecognitionSettings />
    <SiteRulesEditor />
    <AdapterHealthView />
  </main>,
);

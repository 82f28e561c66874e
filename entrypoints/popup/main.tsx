import { mountPage, useStrings } from '@/components/AppShell';
import { SiteAccess } from '@/components/SiteAccess';
import { SyncStatusView } from '@/components/SyncStatusView';
import { ask } from '@/lib/protocol/client';

function Popup() {
  const t = useStrings();
  return (
    <main style={{ width: 320 }}>
      <h1>Reconnu</h1>
      <SiteAccess />
      <SyncStatusView />
      <button type="button" onClick={() => void ask({ type: 'syncNow' })}>
        {t.syncNow}
      </button>
    </main>
  );
}

mountPage(<Popup />);

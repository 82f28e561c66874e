import { useState } from 'react';
import { mountPage, useStrings } from '@/components/AppShell';
import { CustomerById } from '@/components/CustomerById';
import { CustomerSearch } from '@/components/CustomerSearch';
import { SiteAccess } from '@/components/SiteAccess';
import { SyncStatusView } from '@/components/SyncStatusView';
import { ask } from '@/lib/protocol/client';

function Popup() {
  const t = useStrings();
  const [picked, setPicked] = useState<string | null>(null);
  if (picked) {
    return (
      <main style={{ width: 360 }}>
        <button type="button" className="secondary" onClick={() => setPicked(null)}>
          {t.back}
        </button>
        <CustomerById id={picked} />
      </main>
    );
  }
  return (
    <main style={{ width: 360 }}>
      <h1>Reconnu</h1>
      <CustomerSearch onPick={setPicked} />
      <SiteAccess />
      <SyncStatusView />
      <button type="button" onClick={() => void ask({ type: 'syncNow' })}>
        {t.syncNow}
      </button>
    </main>
  );
}

mountPage(<Popup />);

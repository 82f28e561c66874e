import { useState } from 'react';
import { mountPage, useStrings } from '@/components/AppShell';
import { CustomerById } from '@/components/CustomerById';
import { CustomerSearch } from '@/components/CustomerSearch';
import { SiteAccess } from '@/components/SiteAccess';
import { SyncStatusView } from '@/components/SyncStatusView';
import { ask } from '@/lib/protocol/client';

/** Chrome's side panel, or Firefox's sidebar: opened from this click (both need a user gesture). */
async function openSidePanel(): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) await sidebar.open();
  else {
    const current = await browser.windows.getCurrent();
    if (current.id !== undefined) await browser.sidePanel.open({ windowId: current.id });
  }
  window.close();
}

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
      <p>
        <button type="button" className="secondary" onClick={() => void openSidePanel()}>
          {t.openSidePanel}
        </button>
      </p>
      <SiteAccess />
      <SyncStatusView />
      <button type="button" onClick={() => void ask({ type: 'syncNow' })}>
        {t.syncNow}
      </button>
    </main>
  );
}

mountPage(<Popup />);

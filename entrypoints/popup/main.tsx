import { useState } from 'react';
import { mountPage, useLocale, useStrings } from '@/components/AppShell';
import { CustomerById } from '@/components/CustomerById';
import { CustomerSearch } from '@/components/CustomerSearch';
import { SiteAccess } from '@/components/SiteAccess';
import { isDisconnected, SyncStatusView, useStoredSyncStatus } from '@/components/SyncStatusView';
import { optionsStrings } from '@/lib/i18n/options';
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

/** Before anything is configured the popup has nothing to search: it leads to the options page's connect step. */
function ConnectFirst() {
  const o = optionsStrings(useLocale());
  const connect = async () => {
    await browser.runtime.openOptionsPage();
    window.close();
  };
  return (
    <main style={{ width: 360 }}>
      <h1>Reconnu</h1>
      <SyncStatusView />
      <button type="button" onClick={() => void connect()}>
        {o.connectTitle}
      </button>
    </main>
  );
}

function Popup() {
  const t = useStrings();
  const status = useStoredSyncStatus();
  const [picked, setPicked] = useState<string | null>(null);
  if (status && isDisconnected(status)) return <ConnectFirst />;
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

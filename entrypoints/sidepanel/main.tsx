import { useState } from 'react';
import { mountPage, useStrings } from '@/components/AppShell';
import { CustomerById } from '@/components/CustomerById';
import { CustomerSearch } from '@/components/CustomerSearch';
import { RecentCallers } from '@/components/RecentCallers';

function SidePanel() {
  const t = useStrings();
  const [picked, setPicked] = useState<{ id: string; how: 'search' | 'card' | 'recent-caller' } | null>(null);
  if (!picked) {
    return (
      <>
        <CustomerSearch
          onPick={(id, _candidate, { scanned }) => setPicked({ id, how: scanned ? 'card' : 'search' })}
          autoFocus
        />
        <RecentCallers onPick={(id) => setPicked({ id, how: 'recent-caller' })} />
      </>
    );
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => setPicked(null)}>
        {t.back}
      </button>
      <CustomerById id={picked.id} how={picked.how} />
    </>
  );
}

mountPage(
  <main>
    <SidePanel />
  </main>,
);

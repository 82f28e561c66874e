import { useState } from 'react';
import { mountPage, useStrings } from '@/components/AppShell';
import { CustomerById } from '@/components/CustomerById';
import { CustomerSearch } from '@/components/CustomerSearch';
import { RecentCallers } from '@/components/RecentCallers';

function SidePanel() {
  const t = useStrings();
  const [picked, setPicked] = useState<string | null>(null);
  if (!picked) {
    return (
      <>
        <CustomerSearch onPick={setPicked} autoFocus />
        <RecentCallers onPick={setPicked} />
      </>
    );
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => setPicked(null)}>
        {t.back}
      </button>
      <CustomerById id={picked} />
    </>
  );
}

mountPage(
  <main>
    <SidePanel />
  </main>,
);

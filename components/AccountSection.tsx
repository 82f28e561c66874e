import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { meItem } from '@/lib/feed/me';
import type { Me } from '@/lib/feed/schema';
import { privacyStrings } from '@/lib/i18n/privacy';
import { maySeeTeamAudit } from '@/lib/privacy/view';
import { ask } from '@/lib/protocol/client';
import { useLocale } from './AppShell';

/** Who the feed says is signed in, the audit for supervisors, and sign-out (which wipes the local copy). */
export function AccountSection() {
  const s = privacyStrings(useLocale());
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    meItem.getValue().then(setMe);
    return meItem.watch(setMe);
  }, []);
  const signOut = useMutation({ mutationFn: () => ask({ type: 'signOut' }) });
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">{me ? `${me.name} · ${me.role}` : s.signOut}</h2>
      {maySeeTeamAudit(me) && (
        <p>
          <a href={browser.runtime.getURL('/audit.html')} target="_blank" rel="noopener">
            {s.audit}
          </a>
        </p>
      )}
      <p className="muted">{s.signOutHint}</p>
      <button type="button" className="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {s.signOut}
      </button>
      {signOut.isSuccess && <p role="status">{s.signedOut}</p>}
      {signOut.isError && <p role="alert">{signOut.error.message}</p>}
    </section>
  );
}

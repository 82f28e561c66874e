import { useMutation } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import type { Me } from '@/lib/feed/schema';
import { optionsStrings } from '@/lib/i18n/options';
import { privacyStrings } from '@/lib/i18n/privacy';
import { maySeeTeamAudit } from '@/lib/privacy/view';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';

/** Who the source says is signed in (name, role, stores), the team pages for supervisors, and sign-out. */
export function WhoYouAre(props: { me: Me | null }) {
  const { me } = props;
  const locale = useLocale();
  const s = privacyStrings(locale);
  const o = optionsStrings(locale);
  const signOut = useMutation({ mutationFn: () => ask({ type: 'signOut' }) });
  return (
    <div className="who-you-are">
      {me ? (
        <dl className="facts" aria-label={o.signedInAs}>
          <dt>{o.signedInAs}</dt>
          <dd>
            <strong>{me.name}</strong> <span className="muted">{me.email}</span>
          </dd>
          <dt>{o.role}</dt>
          <dd>{o.roles[me.role]}</dd>
          <dt>{o.stores}</dt>
          <dd>{me.stores?.length ? me.stores.join(', ') : o.noStore}</dd>
        </dl>
      ) : (
        <p className="muted">{o.unknownUser}</p>
      )}
      {maySeeTeamAudit(me) && (
        <p>
          <a href={browser.runtime.getURL('/audit.html')} target="_blank" rel="noopener">
            {s.audit}
          </a>
          {' · '}
          <a href={browser.runtime.getURL('/supervisor.html')} target="_blank" rel="noopener">
            {s.supervisorConsole}
          </a>
        </p>
      )}
      <p className="muted">{s.signOutHint}</p>
      <button type="button" className="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {s.signOut}
      </button>
      {signOut.isError && <p role="alert">{signOut.error.message}</p>}
    </div>
  );
}

import { optionsStrings } from '@/lib/i18n/options';
import { useLocale } from '../AppShell';
import { PolicyStatusView } from '../PolicyStatusView';
import { SyncStatusView } from '../SyncStatusView';
import { AdministrationSection } from './AdministrationSection';
import { ConnectionForm } from './ConnectionForm';
import { PreferencesSection } from './PreferencesSection';
import { TurnOnGuide } from './TurnOnGuide';
import { showsAdministration, useOptionsContext } from './useOptionsContext';
import { WhoYouAre } from './WhoYouAre';

/**
 * Until a source answers, the connect step alone (with the status line, so a refused token says why). Then the
 * connection, you and your sync, how to turn a site on, your preferences, and the administration, folded.
 */
export function OptionsPage() {
  const o = optionsStrings(useLocale());
  const context = useOptionsContext();
  const { loaded, connected, managed, me } = context;
  if (!loaded || !managed) return <main className="options" aria-busy="true" />;
  return (
    <main className="options">
      <h1>Reconnu</h1>
      {/* The same element before and after connecting: what was typed stays while the page grows around it. */}
      <section aria-labelledby="connection-title">
        <h2 id="connection-title">{connected ? o.connection : o.connectTitle}</h2>
        {!connected && <p>{o.connectIntro}</p>}
        <ConnectionForm managed={managed} connected={connected} />
        {!connected && <SyncStatusView />}
      </section>
      {connected && (
        <>
          <section aria-labelledby="you-title">
            <h2 id="you-title">{o.you}</h2>
            <SyncStatusView />
            <PolicyStatusView />
            <WhoYouAre me={me} />
          </section>
          <TurnOnGuide managed={managed} />
          <PreferencesSection />
          {showsAdministration(context) && <AdministrationSection managed={managed} />}
        </>
      )}
    </main>
  );
}

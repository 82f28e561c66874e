import { useEffect, useState } from 'react';
import type { Browser } from 'wxt/browser';
import { mountPage, useStrings } from '@/components/AppShell';
import { CandidateList } from '@/components/CandidateList';
import { CustomerById } from '@/components/CustomerById';
import { CustomerSearch } from '@/components/CustomerSearch';
import { ProfileView } from '@/components/ProfileView';
import { ask } from '@/lib/protocol/client';
import type { PanelState } from '@/lib/protocol/messages';
import { followPanelState } from '@/lib/protocol/panel-port';

/** Waits between tries to connect: the key may still be on its way to the background, or the worker restarting. */
const RECONNECT_MS = [50, 100, 200, 400, 800, 1600, 3200];

/**
 * Follows what the background recognized in this tab, pushed over a port. The port is named after the key the
 * content script put in this frame's URL: without it (a frame of panel.html made by the page) nothing comes.
 */
function usePanelState(): PanelState {
  const [state, setState] = useState<PanelState>({ status: 'waiting' });
  useEffect(() => {
    const key = location.hash.slice(1);
    let port: Browser.runtime.Port | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tries = 0;
    const connect = () => {
      port = followPanelState(key, (pushed) => {
        tries = 0;
        setState(pushed);
      });
      // Never given up: a worker busy starting may take its time; the last wait repeats.
      port.onDisconnect.addListener(() => {
        timer = setTimeout(connect, RECONNECT_MS[Math.min(tries++, RECONNECT_MS.length - 1)]);
      });
    };
    connect();
    return () => {
      clearTimeout(timer);
      port?.disconnect();
    };
  }, []);
  return state;
}

/** Marks when a state reaches the screen, so benchmarks can time identifier-appears → panel painted. */
function usePaintMark(state: PanelState): void {
  useEffect(() => {
    if (state.status === 'waiting') return;
    const frame = requestAnimationFrame(() => performance.mark('reconnu:panel-painted', { detail: state.status }));
    return () => cancelAnimationFrame(frame);
  }, [state]);
}

function Panel() {
  const t = useStrings();
  const state = usePanelState();
  usePaintMark(state);
  const [picked, setPicked] = useState<string | null>(null);
  // A new recognition in the tab replaces a previous manual pick.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new state
  useEffect(() => setPicked(null), [state]);

  if (picked) return <CustomerById id={picked} how="candidate" />;
  switch (state.status) {
    case 'waiting':
      return <p className="muted">{t.lookingUp}</p>;
    case 'matched':
      return (
        <>
          <ProfileView customer={state.customer} privacy={state.privacy} />
          <button
            type="button"
            className="secondary"
            onClick={() => void ask({ type: 'notThisCustomer', id: state.customer.id })}
          >
            {t.notThisCustomer}
          </button>
        </>
      );
    case 'ambiguous':
      return (
        <>
          <h1>{t.severalMatch}</h1>
          <p>{t.pickOne}</p>
          <CandidateList candidates={state.candidates} onPick={setPicked} label={t.pickOne} reasons={t.reasons} />
        </>
      );
    case 'unknown':
      return (
        <>
          <h1>{t.unknownCustomer}</h1>
          <CustomerSearch onPick={setPicked} />
        </>
      );
  }
}

mountPage(
  <main>
    <Panel />
  </main>,
);

import type { Browser } from 'wxt/browser';
import { PANEL_PORT, type PanelState } from '../protocol/messages';
import { isExtensionPage } from './senders';

/** Remembers what each tab's panel should show and pushes it to the panel iframes open in that tab. */
export function createPanelHub() {
  const states = new Map<number, PanelState>();
  const ports = new Map<number, Set<Browser.runtime.Port>>();

  function publish(tabId: number, state: PanelState): void {
    states.set(tabId, state);
    for (const port of ports.get(tabId) ?? []) port.postMessage(state);
  }

  function connect(port: Browser.runtime.Port): void {
    const tabId = port.sender?.tab?.id;
    if (port.name !== PANEL_PORT || !port.sender || !isExtensionPage(port.sender) || tabId === undefined) {
      port.disconnect();
      return;
    }
    const set = ports.get(tabId) ?? new Set();
    set.add(port);
    ports.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
    port.postMessage(states.get(tabId) ?? { status: 'waiting' });
  }

  function forget(tabId: number): void {
    states.delete(tabId);
    ports.delete(tabId);
  }

  /** Erased or signed-out customers leave every panel at once. */
  function dropCustomers(ids: Set<string> | 'all'): void {
    for (const [tabId, state] of states) {
      const shown = state.status === 'matched' ? [state.customer.id] : [];
      const listed = state.status === 'ambiguous' ? state.candidates.map((candidate) => candidate.id) : [];
      if ([...shown, ...listed].some((id) => ids === 'all' || ids.has(id))) publish(tabId, { status: 'unknown' });
    }
  }

  return { publish, connect, forget, dropCustomers };
}

export type PanelHub = ReturnType<typeof createPanelHub>;

import type { Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { PANEL_PORT, type PanelState } from '../protocol/messages';
import { isExtensionPage } from './senders';

/** Where a panel key was handed out: the content script's frame, and the panel frame that took it. */
interface KeyHolder {
  tabId: number;
  /** The content script's frame, which docked the panel: the panel is its child, never that frame itself. */
  frameId: number;
  documentId?: string;
  panel?: { frameId: number; documentId?: string };
}

// Kept in session storage (trusted contexts only) so that a panel reconnecting after the worker restarted is
// still recognized as the one its content script docked.
const keysItem = storage.defineItem<Record<string, KeyHolder>>('session:panelKeys', { fallback: {} });

/**
 * Remembers what each tab's panel should show and pushes it to that tab's panel, and to no other frame. A panel is
 * trusted only with the one-time key its own content script registered here: a frame of panel.html made by anyone
 * else (a page that learnt its URL, another extension page) cannot read the key, which travels inside the content
 * script's closed shadow root.
 */
export function createPanelHub(options: { onNewPage?: (tabId: number) => void } = {}) {
  const states = new Map<number, PanelState>();
  const ports = new Map<number, Set<Browser.runtime.Port>>();
  // One change of the keys at a time: two tabs registering together must not lose one of them.
  let keysQueue: Promise<unknown> = Promise.resolve();
  const updateKeys = <T>(change: (keys: Record<string, KeyHolder>) => T | Promise<T>): Promise<T> => {
    const next = keysQueue.then(async () => {
      const keys = await keysItem.getValue();
      const result = await change(keys);
      await keysItem.setValue(keys);
      return result;
    });
    keysQueue = next.catch(() => undefined);
    return next;
  };

  /** Sends to one panel; a panel gone meanwhile is forgotten, never in the way of the others. */
  function send(tabId: number, port: Browser.runtime.Port, state: PanelState): void {
    try {
      port.postMessage(state);
    } catch {
      ports.get(tabId)?.delete(port);
    }
  }

  function publish(tabId: number, state: PanelState): void {
    states.set(tabId, state);
    for (const port of ports.get(tabId) ?? []) send(tabId, port, state);
  }

  /**
   * The content script's key for the panel it is docking. A new document in the tab's top frame: what the tab showed
   * before is dropped, so the previous page's customer never reaches the new panel, and the keys of that frame's
   * earlier documents lapse.
   */
  function register(key: string, holder: Omit<KeyHolder, 'panel'>): Promise<void> {
    if (holder.frameId === 0) {
      states.delete(holder.tabId);
      options.onNewPage?.(holder.tabId);
    }
    return updateKeys((keys) => {
      for (const [old, held] of Object.entries(keys)) {
        if (held.tabId === holder.tabId && held.frameId === holder.frameId) delete keys[old];
      }
      keys[key] = holder;
    });
  }

  /** The key is bound to the first panel frame that shows it; only that frame (and document) may use it again. */
  function admit(key: string, sender: Browser.runtime.MessageSender): Promise<number | undefined> {
    return updateKeys((keys) => {
      const held = keys[key];
      const tabId = sender.tab?.id;
      const frameId = sender.frameId ?? -1;
      if (!held || tabId !== held.tabId || frameId === held.frameId) return undefined;
      if (!new URL(sender.url ?? 'about:blank').pathname.endsWith('/panel.html')) return undefined;
      if (held.panel) {
        const same = held.panel.frameId === frameId && held.panel.documentId === sender.documentId;
        return same ? tabId : undefined;
      }
      held.panel = { frameId, documentId: sender.documentId };
      return tabId;
    });
  }

  async function connectPanel(port: Browser.runtime.Port, key: string): Promise<void> {
    // Listened to at once: the panel may go (a reload, a closed tab) while its key is being checked.
    let gone = false;
    port.onDisconnect.addListener(() => {
      gone = true;
      for (const set of ports.values()) set.delete(port);
    });
    const tabId = port.sender && isExtensionPage(port.sender) ? await admit(key, port.sender) : undefined;
    if (gone) return;
    if (tabId === undefined) {
      port.disconnect();
      return;
    }
    const set = ports.get(tabId) ?? new Set();
    set.add(port);
    ports.set(tabId, set);
    send(tabId, port, states.get(tabId) ?? { status: 'waiting' });
  }

  function connect(port: Browser.runtime.Port): void {
    const key = port.name.startsWith(`${PANEL_PORT}/`) ? port.name.slice(PANEL_PORT.length + 1) : '';
    if (!key) {
      port.disconnect();
      return;
    }
    connectPanel(port, key).catch(() => port.disconnect());
  }

  function forget(tabId: number): Promise<void> {
    states.delete(tabId);
    ports.delete(tabId);
    return updateKeys((keys) => {
      for (const [key, held] of Object.entries(keys)) if (held.tabId === tabId) delete keys[key];
    });
  }

  /** Erased or signed-out customers leave every panel at once. */
  function dropCustomers(ids: Set<string> | 'all'): void {
    for (const [tabId, state] of states) {
      const shown = state.status === 'matched' ? [state.customer.id] : [];
      const listed = state.status === 'ambiguous' ? state.candidates.map((candidate) => candidate.id) : [];
      if ([...shown, ...listed].some((id) => ids === 'all' || ids.has(id))) publish(tabId, { status: 'unknown' });
    }
  }

  return { publish, register, connect, forget, dropCustomers, current: (tabId: number) => states.get(tabId) };
}

export type PanelHub = ReturnType<typeof createPanelHub>;

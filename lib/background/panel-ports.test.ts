import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPanelHub, type PanelHub } from './panel-ports';

const id = fakeBrowser.runtime.id;
const shown = { status: 'unknown' } as const;

/** A port as the browser hands it to the worker: the sender is the browser's record, not a claim of the frame. */
function fakePort(name: string, sender: Partial<Browser.runtime.MessageSender>) {
  const received: unknown[] = [];
  const onGone: (() => void)[] = [];
  let disconnected = false;
  const port = {
    name,
    sender: { id, ...sender },
    postMessage: (message: unknown) => received.push(message),
    onDisconnect: { addListener: (listener: () => void) => onGone.push(listener) },
    disconnect: () => {
      disconnected = true;
    },
  } as unknown as Browser.runtime.Port;
  return {
    port,
    received,
    disconnected: () => disconnected,
    /** The other end went away (its document unloaded). */
    close: () => {
      for (const listener of onGone) listener();
    },
  };
}

const panelUrl = fakeBrowser.runtime.getURL('/panel.html');
const panelFrom = (tab: number, frameId: number, documentId = `doc-${frameId}`) => ({
  url: `${panelUrl}#k`,
  tab: { id: tab } as Browser.tabs.Tab,
  frameId,
  documentId,
});
/** Settles the hub's asynchronous admission of a port. */
const settled = (probe: ReturnType<typeof fakePort>) =>
  vi.waitFor(() => expect(probe.received.length > 0 || probe.disconnected()).toBe(true));

let hub: PanelHub;
let gone: number[];
beforeEach(() => {
  fakeBrowser.reset();
  gone = [];
  hub = createPanelHub({ onNewPage: (tabId) => gone.push(tabId) });
});

describe('panel ports', () => {
  it("sends a tab's result only to the panel frame holding the key its content script registered", async () => {
    const key = crypto.randomUUID();
    await hub.register(key, { tabId: 4, frameId: 0, documentId: 'top' });
    hub.publish(4, shown);
    const own = fakePort(`reconnu-panel/${key}`, panelFrom(4, 7));
    hub.connect(own.port);
    await settled(own);
    expect(own.received).toEqual([shown]);

    // A frame of panel.html the page made itself: no key, a guessed key, or the real key from another frame.
    for (const name of ['reconnu-panel', `reconnu-panel/${crypto.randomUUID()}`, `reconnu-panel/${key}`]) {
      const intruder = fakePort(name, panelFrom(4, 9));
      hub.connect(intruder.port);
      await settled(intruder);
      expect(intruder.received).toEqual([]);
      expect(intruder.disconnected()).toBe(true);
    }
  });

  it('refuses a key shown in another tab, in the frame that docked the panel, or outside panel.html', async () => {
    const key = crypto.randomUUID();
    await hub.register(key, { tabId: 4, frameId: 0 });
    for (const sender of [
      panelFrom(5, 7),
      panelFrom(4, 0),
      { ...panelFrom(4, 7), url: fakeBrowser.runtime.getURL('/options.html') },
      { ...panelFrom(4, 7), id: 'another-extension' },
    ]) {
      const probe = fakePort(`reconnu-panel/${key}`, sender);
      hub.connect(probe.port);
      await settled(probe);
      expect(probe.disconnected()).toBe(true);
    }
  });

  it('lets the same panel document reconnect (the worker restarted), not another document of that frame', async () => {
    const key = crypto.randomUUID();
    await hub.register(key, { tabId: 4, frameId: 0 });
    const first = fakePort(`reconnu-panel/${key}`, panelFrom(4, 7, 'panel-doc'));
    hub.connect(first.port);
    await settled(first);
    const again = fakePort(`reconnu-panel/${key}`, panelFrom(4, 7, 'panel-doc'));
    hub.connect(again.port);
    await settled(again);
    expect(again.disconnected()).toBe(false);
    const reloaded = fakePort(`reconnu-panel/${key}`, panelFrom(4, 7, 'another-doc'));
    hub.connect(reloaded.port);
    await settled(reloaded);
    expect(reloaded.disconnected()).toBe(true);
  });

  it("a new document's key retires the previous one of that frame", async () => {
    const old = crypto.randomUUID();
    await hub.register(old, { tabId: 4, frameId: 0, documentId: 'before' });
    await hub.register(crypto.randomUUID(), { tabId: 4, frameId: 0, documentId: 'after' });
    const probe = fakePort(`reconnu-panel/${old}`, panelFrom(4, 7));
    hub.connect(probe.port);
    await settled(probe);
    expect(probe.disconnected()).toBe(true);
  });

  it("drops the tab's result when a new document docks a panel in its top frame, not for a subframe", async () => {
    hub.publish(4, shown);
    await hub.register(crypto.randomUUID(), { tabId: 4, frameId: 2 });
    expect(hub.current(4)).toEqual(shown);
    await hub.register(crypto.randomUUID(), { tabId: 4, frameId: 0, documentId: 'next' });
    expect(hub.current(4)).toBeUndefined();
    expect(gone).toEqual([4]);
  });

  it('a panel gone while its key is checked, or whose port fails, is never in the way of the others', async () => {
    const key = crypto.randomUUID();
    await hub.register(key, { tabId: 4, frameId: 0 });
    const quick = fakePort(`reconnu-panel/${key}`, panelFrom(4, 7, 'panel-doc'));
    hub.connect(quick.port);
    quick.close(); // reloaded before the worker answered
    const broken = fakePort(`reconnu-panel/${key}`, panelFrom(4, 7, 'panel-doc'));
    (broken.port as { postMessage: (message: unknown) => void }).postMessage = () => {
      throw new Error('Attempting to use a disconnected port object');
    };
    hub.connect(broken.port);
    const live = fakePort(`reconnu-panel/${key}`, panelFrom(4, 7, 'panel-doc'));
    hub.connect(live.port);
    await settled(live);
    hub.publish(4, { status: 'waiting' });
    expect(live.received).toEqual([{ status: 'waiting' }, { status: 'waiting' }]);
    expect(quick.received).toEqual([]);
  });
});

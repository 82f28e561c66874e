import { browser } from 'wxt/browser';
import { adapters } from '../adapters';
import { pickAdapter } from '../adapters/match';
import type { SiteAdapter } from '../adapters/types';
import { detectSightings } from '../detect/generic';
import { pageHeading } from '../detect/heading';
import { findIncomingCaller } from '../detect/incoming-call';
import { IDENTIFIER_LIMIT } from '../detect/limits';
import { fieldSightings, genericOptions, readPage, sightedValues } from '../detect/read-page';
import type { Answer } from '../protocol/answers';
import { ask } from '../protocol/client';
import type { ContentCommand, ContentRequest, Sighting } from '../protocol/messages';
import { assessBurst } from './burst-filter';
import { mountPanelFrame, type PanelFrame } from './panel-frame';
import { watchPage } from './watch';

/** At most one full read per this interval on pages whose identifiers keep changing (live feeds). */
const MIN_READ_GAP_MS = 50;
/** After a scoped read, the whole page is read again once it has settled, to know what is on it. */
const RECONCILE_MS = 400;
/** Looking for a product's markup walks the page: not on every read of a page that is no product. */
const FINGERPRINT_RETRY_MS = 2_000;
const RETRY_MS = 1_000;

/** The background's keyboard-shortcut command; read without zod, which the content script does not load. */
function isToggleCommand(message: unknown): message is ContentCommand {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === 'togglePanel';
}

/** Asks the background; undefined when it refused (e.g. over the tab's lookup rate) or is restarting. */
async function send<R extends ContentRequest>(request: R): Promise<Answer<R['type']> | undefined> {
  return ask(request).catch(() => undefined);
}

/**
 * The content script's whole job: find who the page is about, ask the background to recognize them, and dock the
 * panel. Each identifier goes with how it appears (lib/detect/cues.ts); the background decides who the customer is.
 * Identifiers that just appeared are read at once (a call card, the ticket just opened), and the whole page is read
 * again once it settles. A frame of another origin reads its own document and reports to the tab's panel without
 * a panel of its own. Everything stops with `signal`.
 */
export async function startOverlay(parent: AbortSignal, options: { frame?: boolean } = {}): Promise<void> {
  // Stops with the content script, or when the administrator does not allow this site.
  const standDown = new AbortController();
  parent.addEventListener('abort', () => standDown.abort(), { once: true });
  const signal = standDown.signal;
  // The panel's page starts loading (hidden) while the site's settings are fetched: it is the slowest part. Its key,
  // registered first, is what lets the background tell it from a frame of panel.html the page made itself.
  let userOpen: boolean | undefined;
  let panel: PanelFrame | undefined;
  if (!options.frame) {
    const key = crypto.randomUUID();
    void send({ type: 'panelKey', key });
    panel = mountPanelFrame({
      signal,
      key,
      onToggle: (open) => {
        userOpen = open;
        void send({ type: 'setPanelOpen', open });
      },
    });
  }
  const config = (await send({ type: 'siteConfig' })) ?? {};
  if (config.blocked) standDown.abort();
  if (signal.aborted) return;
  userOpen ??= config.open;
  if (config.locale) panel?.setLocale(config.locale);
  if (userOpen) panel?.setOpen(true);

  let chosen: SiteAdapter | undefined;
  let fingerprintsTriedAt = Number.NEGATIVE_INFINITY;
  let current = new Set<string>();
  const seen = new Set<string>();
  /** What a scoped read found last; it stays the customer while it is still on the page. */
  let focus: { sightings: Sighting[]; call: boolean } | undefined;
  let lastSent = '';
  let lastReadAt = Number.NEGATIVE_INFINITY;
  const reported = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let pendingRead: ReturnType<typeof setTimeout> | undefined;
  /** One retry at a time: a page flooding identifiers past the tab's lookup rate must not pile up full reads. */
  let retry: ReturnType<typeof setTimeout> | undefined;
  const later = (run: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
    return timer;
  };

  const recognize = async (sightings: Sighting[], call = false, navigated = false) => {
    const signature = JSON.stringify(sightings);
    // After a navigation even "nothing here" is said: the previous page's customer must leave the panel.
    if ((sightings.length === 0 && !navigated) || signature === lastSent) return;
    lastSent = signature;
    // Opened for any identifier, customer or not, before any answer: the page sees the same either way.
    if (sightings.length > 0 && userOpen !== false) panel?.setOpen(true);
    const accepted = await send({
      type: 'recognize',
      sightings,
      host: location.host,
      adapter: chosen?.id,
      call,
      hidden: document.hidden,
      navigated,
      heading: pageHeading(document),
    });
    if (signal.aborted || accepted !== undefined) return;
    lastSent = ''; // background restarting, or this tab over its lookup rate: try again even if the page is still
    if (retry === undefined) {
      retry = later(() => {
        retry = undefined;
        void readAll();
      }, RETRY_MS);
    }
  };

  const readAll = async (navigated = false) => {
    clearTimeout(pendingRead);
    pendingRead = undefined;
    lastReadAt = performance.now();
    const url = new URL(location.href);
    if (!chosen && lastReadAt - fingerprintsTriedAt >= FINGERPRINT_RETRY_MS) {
      fingerprintsTriedAt = lastReadAt;
      chosen = config.adaptersOff ? undefined : pickAdapter(adapters, url, document)?.adapter;
    }
    const extraRoots = watcher.refresh();
    const reading = readPage({ url, doc: document, adapter: chosen, rule: config.rule, extraRoots });
    current = new Set(sightedValues(reading.sightings));
    for (const value of current) seen.add(value);
    if (chosen && reading.unhealthy && !reported.has(chosen.id)) {
      reported.add(chosen.id);
      void send({
        type: 'adapterHealth',
        adapter: chosen.id,
        problem: reading.unhealthy.kind,
        page: reading.unhealthy.page,
      });
    }
    if (!navigated && focus && sightedValues(focus.sightings).every((value) => current.has(value))) {
      return recognize(focus.sightings, focus.call);
    }
    focus = undefined;
    return recognize(reading.sightings, reading.call, navigated);
  };

  // Only where identifiers just appeared: a few elements instead of the whole page. Adapter and rule pages read
  // their own fields, which are few, so they are always read whole.
  const readScoped = async (roots: readonly Element[]) => {
    if (chosen || config.rule) return readAll();
    const options = genericOptions();
    const found: Sighting[] = [];
    for (const root of roots) {
      // A call card that just appeared: its caller is the customer, whatever else the card shows.
      const caller = findIncomingCaller(root.parentElement?.parentElement ?? root);
      if (caller) return pop(fieldSightings({ emails: [], phones: [caller], orders: [] }), true);
      found.push(...detectSightings(root, options));
    }
    if (found.length === 0) return;
    // The lookup takes at most IDENTIFIER_LIMIT of each kind: the ones that appeared last.
    const last = (kind: Sighting['kind']) =>
      found.filter((sighting) => sighting.kind === kind).slice(-IDENTIFIER_LIMIT);
    return pop([...last('email'), ...last('phone'), ...last('order')], false);
  };
  // What just appeared becomes the customer; the whole page is reconciled once it settles.
  const pop = (sightings: Sighting[], call: boolean) => {
    focus = { sightings, call };
    for (const value of sightedValues(sightings)) current.add(value);
    clearTimeout(pendingRead);
    pendingRead = later(() => void readAll(), RECONCILE_MS);
    return recognize(sightings, call);
  };

  const requestFullRead = () => {
    if (pendingRead) return;
    const wait = lastReadAt + MIN_READ_GAP_MS - performance.now();
    if (wait <= 0) void readAll();
    else pendingRead = later(() => void readAll(), wait);
  };

  const onMutations = (records: MutationRecord[]) => {
    const burst = assessBurst(records, current, seen, chosen?.orderPattern);
    if (seen.size > 2_000) seen.clear();
    for (const candidate of burst.fresh) seen.add(candidate);
    if (burst.rescan === 'scoped') void readScoped(burst.roots);
    else if (burst.rescan === 'full') requestFullRead();
  };
  // A single-page app switched tickets: nothing of the previous page may stay on the panel.
  const onNavigate = () => {
    focus = undefined;
    lastSent = '';
    current = new Set();
    seen.clear(); // what the new page shows must be read even if an earlier page showed it too
    void readAll(true);
  };
  const watcher = watchPage({ signal, onMutations, onStructure: requestFullRead, onNavigate });
  const onCommand = (message: unknown, sender: { id?: string }) => {
    if (!panel || sender.id !== browser.runtime.id || !isToggleCommand(message)) return;
    panel.setOpen(!panel.open);
    userOpen = panel.open;
    void send({ type: 'setPanelOpen', open: panel.open });
  };
  browser.runtime.onMessage.addListener(onCommand);
  signal.addEventListener(
    'abort',
    () => {
      for (const timer of timers) clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onCommand);
    },
    { once: true },
  );
  await readAll();
}

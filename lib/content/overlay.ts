import { browser } from 'wxt/browser';
import { adapters } from '../adapters';
import { pickAdapter } from '../adapters/match';
import type { SiteAdapter } from '../adapters/types';
import { detectIdentifiers, hasIdentifiers, IDENTIFIER_LIMIT } from '../detect/generic';
import { findIncomingCaller } from '../detect/incoming-call';
import { genericOptions, readPage } from '../detect/read-page';
import type {
  ContentCommand,
  ContentRequest,
  Identifiers,
  RecognizeResponse,
  Reply,
  SiteConfig,
} from '../protocol/messages';
import { assessBurst } from './burst-filter';
import { mountPanelFrame } from './panel-frame';

/** At most one full read per this interval on pages whose identifiers keep changing (live feeds). */
const MIN_READ_GAP_MS = 50;
/** After a scoped read, the whole page is read again once it has settled, to know what is on it. */
const RECONCILE_MS = 400;
/** Looking for a product's markup walks the page: not on every read of a page that is no product. */
const FINGERPRINT_RETRY_MS = 2_000;
const RETRY_MS = 1_000;

async function send<T>(request: ContentRequest): Promise<T | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
    return reply?.ok ? reply.data : undefined;
  } catch {
    return undefined; // the background is restarting
  }
}

const valuesOf = ({ emails, phones, orders }: Identifiers) => [...emails, ...phones, ...orders];

/**
 * The content script's whole job: find who the page is about, ask the background to recognize them, and dock the
 * panel. The identifiers that appeared last win: on a single-page app, the ticket just opened is the one the agent
 * looks at, even if the previous one is still in the DOM. Everything stops with `signal`.
 */
export async function startOverlay(parent: AbortSignal): Promise<void> {
  // Stops with the content script, or when the administrator does not allow this site.
  const standDown = new AbortController();
  parent.addEventListener('abort', () => standDown.abort(), { once: true });
  const signal = standDown.signal;
  // The panel's page starts loading (hidden) while the site's settings are fetched: it is the slowest part.
  let userOpen: boolean | undefined;
  const panel = mountPanelFrame(signal, (open) => {
    userOpen = open;
    void send({ type: 'setPanelOpen', open });
  });
  const config = (await send<SiteConfig>({ type: 'siteConfig' })) ?? {};
  if (config.blocked) standDown.abort();
  if (signal.aborted) return;
  userOpen ??= config.open;
  if (config.locale) panel.setLocale(config.locale);
  if (userOpen) panel.setOpen(true);

  let chosen: SiteAdapter | undefined;
  let fingerprintsTriedAt = Number.NEGATIVE_INFINITY;
  let current = new Set<string>();
  const seen = new Set<string>();
  /** What a scoped read found last; it stays the customer while it is still on the page. */
  let focus: { identifiers: Identifiers; call: boolean } | undefined;
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

  const recognize = async (identifiers: Identifiers, call = false) => {
    const signature = JSON.stringify(identifiers);
    if (!hasIdentifiers(identifiers) || signature === lastSent) return;
    lastSent = signature;
    const response = await send<RecognizeResponse>({
      type: 'recognize',
      identifiers,
      host: location.host,
      adapter: chosen?.id,
      call,
      hidden: document.hidden,
    });
    if (signal.aborted) return;
    if (!response) {
      lastSent = ''; // background restarting, or this tab over its lookup rate: try again even if the page is still
      if (retry === undefined) {
        retry = later(() => {
          retry = undefined;
          void readAll();
        }, RETRY_MS);
      }
    } else if (userOpen !== false) panel.setOpen(true);
  };

  const readAll = async () => {
    clearTimeout(pendingRead);
    pendingRead = undefined;
    lastReadAt = performance.now();
    const url = new URL(location.href);
    if (!chosen && lastReadAt - fingerprintsTriedAt >= FINGERPRINT_RETRY_MS) {
      fingerprintsTriedAt = lastReadAt;
      chosen = pickAdapter(adapters, url, document)?.adapter;
    }
    const reading = readPage({ url, doc: document, adapter: chosen, rule: config.rule });
    current = new Set(valuesOf(reading.identifiers));
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
    if (focus && valuesOf(focus.identifiers).every((value) => current.has(value))) {
      return recognize(focus.identifiers, focus.call);
    }
    focus = undefined;
    return recognize(reading.identifiers, reading.call);
  };

  // Only where identifiers just appeared: a few elements instead of the whole page. Adapter and rule pages read
  // their own fields, which are few, so they are always read whole.
  const readScoped = async (roots: readonly Element[]) => {
    if (chosen || config.rule) return readAll();
    const options = genericOptions();
    const found: Identifiers = { emails: [], phones: [], orders: [] };
    for (const root of roots) {
      // A call card that just appeared: its caller is the customer, whatever else the card shows.
      const caller = findIncomingCaller(root.parentElement?.parentElement ?? root);
      if (caller) return pop({ emails: [], phones: [caller], orders: [] }, true);
      const part = detectIdentifiers(root, options);
      found.emails.push(...part.emails);
      found.phones.push(...part.phones);
      found.orders.push(...part.orders);
    }
    if (!hasIdentifiers(found)) return;
    // The lookup takes at most IDENTIFIER_LIMIT of each kind: the ones that appeared last.
    const unique = (values: string[]) => [...new Set(values)].slice(-IDENTIFIER_LIMIT);
    return pop({ emails: unique(found.emails), phones: unique(found.phones), orders: unique(found.orders) }, false);
  };
  // What just appeared becomes the customer; the whole page is reconciled once it settles.
  const pop = (identifiers: Identifiers, call: boolean) => {
    focus = { identifiers, call };
    for (const value of valuesOf(identifiers)) current.add(value);
    clearTimeout(pendingRead);
    pendingRead = later(() => void readAll(), RECONCILE_MS);
    return recognize(identifiers, call);
  };

  const requestFullRead = () => {
    if (pendingRead) return;
    const wait = lastReadAt + MIN_READ_GAP_MS - performance.now();
    if (wait <= 0) void readAll();
    else pendingRead = later(() => void readAll(), wait);
  };

  const observer = new MutationObserver((records) => {
    const burst = assessBurst(records, current, seen, chosen?.orderPattern);
    if (seen.size > 2_000) seen.clear();
    for (const candidate of burst.fresh) seen.add(candidate);
    if (burst.rescan === 'scoped') void readScoped(burst.roots);
    else if (burst.rescan === 'full') requestFullRead();
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    characterDataOldValue: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'href'],
  });
  const onCommand = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || (message as ContentCommand)?.type !== 'togglePanel') return;
    panel.setOpen(!panel.open);
    userOpen = panel.open;
    void send({ type: 'setPanelOpen', open: panel.open });
  };
  browser.runtime.onMessage.addListener(onCommand);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const timer of timers) clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onCommand);
    },
    { once: true },
  );
  await readAll();
}

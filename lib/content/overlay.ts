import { browser } from 'wxt/browser';
import { adapters } from '../adapters';
import { pickAdapter } from '../adapters/match';
import type { SiteAdapter } from '../adapters/types';
import { hasIdentifiers } from '../detect/generic';
import { readPage } from '../detect/read-page';
import type { ContentCommand, ContentRequest, RecognizeResponse, Reply, SiteConfig } from '../protocol/messages';
import { assessBurst } from './burst-filter';
import { mountPanelFrame } from './panel-frame';

/** Long enough to gather one burst of mutations, short enough to stay far inside the 100 ms budget. */
const SCAN_DELAY_MS = 8;

async function send<T>(request: ContentRequest): Promise<T | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
    return reply?.ok ? reply.data : undefined;
  } catch {
    return undefined; // the background is restarting; the next change tries again
  }
}

/**
 * The content script's whole job: find who the page is about, ask the background to recognize them, and dock the
 * panel. Everything it starts stops with `signal` (extension reloaded or updated, page context gone).
 */
export async function startOverlay(signal: AbortSignal): Promise<void> {
  const config = (await send<SiteConfig>({ type: 'siteConfig' })) ?? {};
  if (signal.aborted) return;
  let chosen: SiteAdapter | undefined;
  let userOpen = config.open;
  const panel = mountPanelFrame(signal, (open) => {
    userOpen = open;
    void send({ type: 'setPanelOpen', open });
  });
  if (userOpen) panel.setOpen(true);

  let lastSent = '';
  let current = new Set<string>();
  const seen = new Set<string>();
  const reported = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scan = async () => {
    timer = undefined;
    chosen ??= pickAdapter(adapters, new URL(location.href), document)?.adapter;
    const reading = readPage({ url: new URL(location.href), doc: document, adapter: chosen, rule: config.rule });
    const { emails, phones, orders } = reading.identifiers;
    current = new Set([...emails, ...phones, ...orders]);
    for (const identifier of current) seen.add(identifier);
    if (chosen && reading.unhealthy && !reported.has(chosen.id)) {
      reported.add(chosen.id);
      void send({ type: 'adapterHealth', adapter: chosen.id, problem: reading.unhealthy });
    }
    const signature = JSON.stringify(reading.identifiers);
    if (!hasIdentifiers(reading.identifiers) || signature === lastSent) return;
    lastSent = signature;
    const response = await send<RecognizeResponse>({
      type: 'recognize',
      identifiers: reading.identifiers,
      host: location.host,
      adapter: chosen?.id,
    });
    if (!response) lastSent = '';
    else if (userOpen !== false && !signal.aborted) panel.setOpen(true);
  };
  const schedule = () => {
    timer ??= setTimeout(() => void scan(), SCAN_DELAY_MS);
  };

  const observer = new MutationObserver((records) => {
    if (timer) return; // a scan is already due and will see these changes
    const orderPattern = chosen?.orderPattern;
    const burst = assessBurst(records, current, seen, orderPattern);
    if (seen.size > 2_000) seen.clear();
    for (const candidate of burst.fresh) seen.add(candidate);
    if (burst.rescan) schedule();
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
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onCommand);
    },
    { once: true },
  );
  await scan();
}

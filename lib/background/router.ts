import type { Browser } from 'wxt/browser';
import type { ViewRecorder } from '../audit/recorder';
import { currentMe } from '../feed/me';
import { resolveLocale } from '../i18n/strings';
import type { Recognition } from '../lookup/service';
import { readManaged, siteAllowed } from '../managed';
import { panelStateFor } from '../privacy/candidates';
import {
  type ContentRequest,
  contentRequestSchema,
  type PanelState,
  pageRequestSchema,
  type Reply,
  type SiteConfig,
} from '../protocol/messages';
import { readSettings } from '../settings';
import { ruleForHost, siteRulesItem } from '../sites/rules';
import { panelOpenBySiteItem, recordAdapterHealth } from '../sites/site-state';
import type { ReconnuDb } from '../store/db';
import { restoreSessionKey } from '../store/store-key';
import { notifyCaller, recordCall } from './callers';
import { createPageHandlers, type PageDeps } from './page-handlers';
import type { PanelHub } from './panel-ports';
import type { TabRecognition } from './recognition';
import { createRateLimiter, isExtensionPage, isOwnContentScript, senderHost } from './senders';

interface RouterDeps extends PageDeps {
  db: ReconnuDb;
  hub: PanelHub;
  record: ViewRecorder;
  tabs: TabRecognition;
}

/** The frame a content script's message came from, as the browser recorded it (never as the message claims). */
interface FrameOrigin {
  tabId: number;
  frameId: number;
  documentId?: string;
  url: string;
}

/** The single entry point for runtime messages: validated with zod, sender checked, errors returned as data. */
export function createRouter(deps: RouterDeps) {
  const { db, hub, record, tabs } = deps;
  const allowRecognize = createRateLimiter(30, 10_000);
  // Per site too: a page opening many tabs of itself gets no more lookups than two busy agents' tabs.
  const allowRecognizeOnSite = createRateLimiter(60, 10_000);
  const handlePage = createPageHandlers({ ...deps, publish: (tabId, found) => publishFound(tabId, found) });

  async function publishFound(tabId: number, found: Recognition): Promise<PanelState> {
    const state = panelStateFor(found, await currentMe());
    hub.publish(tabId, state);
    return state;
  }

  /** One reading of a tab at a time, in the order its frames sent them: a slow lookup never overwrites a newer one. */
  const readings = new Map<number, Promise<unknown>>();
  function recognizeInTab(request: Extract<ContentRequest, { type: 'recognize' }>, from: FrameOrigin): void {
    const { tabId } = from;
    const next = (readings.get(tabId) ?? Promise.resolve())
      .then(() => recognizeNow(request, from))
      .catch((error: Error) => console.error('Reconnu: a page could not be recognized', error.name));
    readings.set(tabId, next);
    void next.then(() => readings.get(tabId) === next && readings.delete(tabId));
  }

  async function recognizeNow(request: Extract<ContentRequest, { type: 'recognize' }>, from: FrameOrigin) {
    const { tabId } = from;
    const host = senderHost({ url: from.url });
    const { sightings, navigated = false } = request;
    const found = await tabs.report({ ...from, sightings, navigated });
    const state = await publishFound(tabId, found);
    // Audited right after the push: the screen pop does not wait for the log (recorder.ts).
    if (found.status === 'matched') {
      const { customer, foundBy } = found;
      record({ action: 'view', customerId: customer.id, where: host, adapter: request.adapter, foundBy }).catch(
        (error: Error) => console.error('Reconnu: a profile view could not be audited', error),
      );
    }
    const number = request.call ? sightings.find((sighting) => sighting.kind === 'phone')?.value : undefined;
    if (number) {
      const caller = await recordCall(number, state);
      if (request.hidden) await notifyCaller(caller);
    }
  }

  async function handleContent(request: ContentRequest, from: FrameOrigin): Promise<Reply<unknown>> {
    const { tabId, url } = from;
    const host = senderHost({ url });
    const allowed = siteAllowed(await readManaged(), url);
    if (!allowed && request.type !== 'siteConfig') return { ok: false, error: 'Not allowed on this site.' };
    switch (request.type) {
      case 'recognize': {
        if (!allowRecognize(tabId)) return { ok: false, error: 'Too many lookups from this tab.' };
        if (!allowRecognizeOnSite(host)) return { ok: false, error: 'Too many lookups from this site.' };
        // Answered before the lookup starts: the content script, and a page timing it, learn nothing of the result.
        recognizeInTab(request, from);
        return { ok: true, data: null };
      }
      case 'panelKey':
        if (from.frameId !== 0) return { ok: false, error: 'Only the top frame docks a panel.' };
        await hub.register(request.key, { tabId, frameId: from.frameId, documentId: from.documentId });
        return { ok: true, data: null };
      case 'siteConfig': {
        const [rules, open, settings] = await Promise.all([
          siteRulesItem.getValue(),
          panelOpenBySiteItem.getValue(),
          readSettings(),
        ]);
        const config: SiteConfig = allowed
          ? {
              rule: ruleForHost(rules, host),
              open: open[host],
              locale: resolveLocale(settings.locale),
              adaptersOff: settings.adaptersOff || undefined,
            }
          : { blocked: true };
        return { ok: true, data: config };
      }
      case 'setPanelOpen': {
        const open = await panelOpenBySiteItem.getValue();
        await panelOpenBySiteItem.setValue({ ...open, [host]: request.open });
        return { ok: true, data: null };
      }
      case 'adapterHealth':
        await recordAdapterHealth(request.adapter, host, request.problem, request.page);
        return { ok: true, data: null };
    }
  }

  async function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
    try {
      // A worker woken by this message has not read the store's key yet (the sync that unlocks may still be starting).
      await restoreSessionKey(db);
      if (isExtensionPage(sender)) {
        const request = pageRequestSchema.safeParse(message);
        if (!request.success) return { ok: false, error: 'Invalid request.' };
        return { ok: true, data: await handlePage(request.data, sender) };
      }
      if (isOwnContentScript(sender)) {
        const request = contentRequestSchema.safeParse(message);
        if (!request.success) return { ok: false, error: 'Invalid request.' };
        const from: FrameOrigin = {
          tabId: sender.tab.id,
          frameId: sender.frameId ?? 0,
          documentId: sender.documentId,
          url: sender.url ?? sender.tab.url ?? '',
        };
        return await handleContent(request.data, from);
      }
      return { ok: false, error: 'Unknown sender.' };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  /** Resolves once every lookup already accepted has been shown (tests, and a clean stop). */
  const settled = () => Promise.all([...readings.values()]).then(() => undefined);
  return Object.assign(route, { settled });
}

import { adapters } from '../adapters';
import { pageRef } from '../adapters/page-ref';
import type { ViewRecorder } from '../audit/recorder';
import { resolveLocale } from '../i18n/strings';
import type { Recognition } from '../lookup/service';
import type { Handlers, RequestOf } from '../protocol/answers';
import type { ContentRequest, PanelState, SiteConfig } from '../protocol/messages';
import { readSettings } from '../settings';
import { ruleForHost, siteRulesItem } from '../sites/rules';
import { panelOpenBySiteItem, recordAdapterHealth } from '../sites/site-state';
import { notifyCaller, recordCall } from './callers';
import type { PanelHub } from './panel-ports';
import type { TabRecognition } from './recognition';
import { createRateLimiter } from './senders';

/** The frame a content script's message came from, as the browser recorded it (never as the message claims). */
export interface FrameOrigin {
  tabId: number;
  frameId: number;
  documentId?: string;
  url: string;
  /** The frame's site, from its URL. */
  host: string;
  /** The administrator allows Reconnu on this site (managed `allowedSites`). */
  allowed: boolean;
}

export type ContentHandlers = Handlers<ContentRequest['type'], FrameOrigin>;

interface ContentDeps {
  hub: PanelHub;
  record: ViewRecorder;
  tabs: TabRecognition;
  /** Shows a tab's recognition on its panel, and says what the panel now shows. */
  publish: (tabId: number, found: Recognition) => Promise<PanelState>;
}

/**
 * Requests from the content scripts, which run beside the page and are trusted no more than it: the site they
 * concern is always the frame's own, and a recognition is answered before it starts. `settled` resolves once every
 * lookup already accepted has been shown (tests, and a clean stop).
 */
export function createContentHandlers({ hub, record, tabs, publish }: ContentDeps) {
  const allowRecognize = createRateLimiter(30, 10_000);
  // Per site too: a page opening many tabs of itself gets no more lookups than two busy agents' tabs.
  const allowRecognizeOnSite = createRateLimiter(60, 10_000);

  /** One reading of a tab at a time, in the order its frames sent them: a slow lookup never overwrites a newer one. */
  const readings = new Map<number, Promise<unknown>>();
  function recognizeInTab(request: RequestOf<'recognize'>, from: FrameOrigin): void {
    const { tabId } = from;
    const next = (readings.get(tabId) ?? Promise.resolve())
      .then(() => recognizeNow(request, from))
      .catch((error: Error) => console.error('Reconnu: a page could not be recognized', error.name));
    readings.set(tabId, next);
    void next.then(() => readings.get(tabId) === next && readings.delete(tabId));
  }

  async function recognizeNow(request: RequestOf<'recognize'>, from: FrameOrigin) {
    const { tabId, frameId, url, host } = from;
    const { sightings, navigated = false, heading } = request;
    const found = await tabs.report({ tabId, frameId, url, sightings, navigated, heading });
    const state = await publish(tabId, found);
    // Audited right after the push: the screen pop does not wait for the log (recorder.ts).
    if (found.status === 'matched') {
      const { customer, foundBy } = found;
      const { adapter } = request;
      // The page from the frame's own URL (never the script's word), read by the product's adapter.
      const product = adapters.find((known) => known.id === adapter);
      const page = product && URL.canParse(url) ? pageRef(product, new URL(url)) : undefined;
      record({ action: 'view', customerId: customer.id, where: host, adapter, page, foundBy }).catch((error: Error) =>
        console.error('Reconnu: a profile view could not be audited', error),
      );
    }
    const number = request.call ? sightings.find((sighting) => sighting.kind === 'phone')?.value : undefined;
    if (number) {
      const caller = await recordCall(number, state);
      if (request.hidden) await notifyCaller(caller);
    }
  }

  const handlers: ContentHandlers = {
    async recognize(request, from) {
      if (!allowRecognize(from.tabId)) throw new Error('Too many lookups from this tab.');
      if (!allowRecognizeOnSite(from.host)) throw new Error('Too many lookups from this site.');
      // Answered before the lookup starts: the content script, and a page timing it, learn nothing of the result.
      recognizeInTab(request, from);
      return null;
    },
    async panelKey(request, from) {
      if (from.frameId !== 0) throw new Error('Only the top frame docks a panel.');
      await hub.register(request.key, { tabId: from.tabId, frameId: from.frameId, documentId: from.documentId });
      return null;
    },
    async siteConfig(_request, { host, allowed }): Promise<SiteConfig> {
      if (!allowed) return { blocked: true };
      const [rules, open, settings] = await Promise.all([
        siteRulesItem.getValue(),
        panelOpenBySiteItem.getValue(),
        readSettings(),
      ]);
      return {
        rule: ruleForHost(rules, host),
        open: open[host],
        locale: resolveLocale(settings.locale),
        adaptersOff: settings.adaptersOff || undefined,
      };
    },
    async setPanelOpen(request, { host }) {
      const open = await panelOpenBySiteItem.getValue();
      await panelOpenBySiteItem.setValue({ ...open, [host]: request.open });
      return null;
    },
    async adapterHealth(request, { host }) {
      await recordAdapterHealth(request.adapter, host, request.problem, request.page);
      return null;
    },
  };
  const settled = () => Promise.all([...readings.values()]).then(() => undefined);
  return { handlers, settled };
}

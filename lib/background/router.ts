import type { Browser } from 'wxt/browser';
import { meItem, withoutOwnIdentity } from '../feed/me';
import { resolveLocale } from '../i18n/strings';
import { searchCustomers } from '../lookup/search';
import { recognize } from '../lookup/service';
import {
  type ContentRequest,
  contentRequestSchema,
  type PageRequest,
  pageRequestSchema,
  type RecognizeResponse,
  type Reply,
  type SiteConfig,
} from '../protocol/messages';
import { readSettings } from '../settings';
import { ruleForHost, siteRulesItem } from '../sites/rules';
import { panelOpenBySiteItem, recordAdapterHealth } from '../sites/site-state';
import type { ReconnuDb } from '../store/db';
import { readQuarantine } from '../store/quarantine';
import { getCustomer } from '../store/read';
import { restoreSessionKey } from '../store/store-key';
import { notifyCaller, recordCall } from './callers';
import type { createPanelHub } from './panel-ports';
import { createRateLimiter, isExtensionPage, isOwnContentScript, senderHost } from './senders';

interface RouterDeps {
  db: ReconnuDb;
  hub: ReturnType<typeof createPanelHub>;
  syncNow: () => Promise<unknown>;
}

/** The single entry point for runtime messages: validated with zod, sender checked, errors returned as data. */
export function createRouter({ db, hub, syncNow }: RouterDeps) {
  const allowRecognize = createRateLimiter(30, 10_000);

  async function handlePage(request: PageRequest): Promise<unknown> {
    switch (request.type) {
      case 'getCustomer':
        return (await getCustomer(db, request.id)) ?? null;
      case 'search':
        return searchCustomers(db, request.query);
      case 'syncNow':
        return syncNow();
      case 'listQuarantine':
        return readQuarantine(db);
    }
  }

  async function handleContent(request: ContentRequest, tabId: number, host: string): Promise<Reply<unknown>> {
    switch (request.type) {
      case 'recognize': {
        if (!allowRecognize(tabId)) return { ok: false, error: 'Too many lookups from this tab.' };
        const state = await recognize(db, withoutOwnIdentity(request.identifiers, await meItem.getValue()));
        hub.publish(tabId, state);
        const number = request.call ? request.identifiers.phones[0] : undefined;
        if (number) {
          const caller = await recordCall(number, state);
          if (request.hidden) await notifyCaller(caller);
        }
        const response: RecognizeResponse = { status: state.status };
        return { ok: true, data: response };
      }
      case 'siteConfig': {
        const [rules, open, settings] = await Promise.all([
          siteRulesItem.getValue(),
          panelOpenBySiteItem.getValue(),
          readSettings(),
        ]);
        const config: SiteConfig = {
          rule: ruleForHost(rules, host),
          open: open[host],
          locale: resolveLocale(settings.locale),
        };
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

  return async function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
    try {
      // A worker woken by this message has not read the store's key yet (the sync that unlocks may still be starting).
      await restoreSessionKey(db);
      if (isExtensionPage(sender)) {
        const request = pageRequestSchema.safeParse(message);
        if (!request.success) return { ok: false, error: 'Invalid request.' };
        return { ok: true, data: await handlePage(request.data) };
      }
      if (isOwnContentScript(sender)) {
        const request = contentRequestSchema.safeParse(message);
        if (!request.success) return { ok: false, error: 'Invalid request.' };
        return await handleContent(request.data, sender.tab.id, senderHost(sender));
      }
      return { ok: false, error: 'Unknown sender.' };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };
}

import type { Browser } from 'wxt/browser';
import { recognize, search } from '../lookup/service';
import {
  contentRequestSchema,
  type PageRequest,
  pageRequestSchema,
  type RecognizeResponse,
  type Reply,
} from '../protocol/messages';
import type { ReconnuDb } from '../store/db';
import { getCustomer } from '../store/read';
import type { createPanelHub } from './panel-ports';
import { createRateLimiter, isExtensionPage, isOwnContentScript } from './senders';

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
        return search(db, request.query);
      case 'syncNow':
        return syncNow();
      case 'listQuarantine':
        return db.quarantine.orderBy('receivedAt').reverse().limit(200).toArray();
    }
  }

  return async function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
    try {
      if (isExtensionPage(sender)) {
        const request = pageRequestSchema.safeParse(message);
        if (!request.success) return { ok: false, error: 'Invalid request.' };
        return { ok: true, data: await handlePage(request.data) };
      }
      if (isOwnContentScript(sender)) {
        const request = contentRequestSchema.safeParse(message);
        if (!request.success) return { ok: false, error: 'Invalid request.' };
        if (!allowRecognize(sender.tab.id)) return { ok: false, error: 'Too many lookups from this tab.' };
        const state = await recognize(db, request.data.identifiers);
        hub.publish(sender.tab.id, state);
        const response: RecognizeResponse = { status: state.status };
        return { ok: true, data: response };
      }
      return { ok: false, error: 'Unknown sender.' };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };
}

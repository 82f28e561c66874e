import type { Browser } from 'wxt/browser';
import type { ViewRecorder } from '../audit/recorder';
import { currentMe } from '../feed/me';
import type { Recognition } from '../lookup/service';
import { readManaged, siteAllowed } from '../managed';
import { panelStateFor } from '../privacy/candidates';
import type { Answer, Handlers, RequestOf, RequestType } from '../protocol/answers';
import { contentRequestSchema, type PanelState, pageRequestSchema, type Reply } from '../protocol/messages';
import { type ReconnuDb, restoreSessionKey } from '../store';
import { createContentHandlers, type FrameOrigin } from './content-handlers';
import { createPageHandlers, type PageDeps } from './page-handlers';
import type { PanelHub } from './panel-ports';
import type { TabRecognition } from './recognition';
import { isExtensionPage, isOwnContentScript, senderHost } from './senders';

interface RouterDeps extends PageDeps {
  db: ReconnuDb;
  hub: PanelHub;
  record: ViewRecorder;
  tabs: TabRecognition;
}

/** Runs the handler of the request's type: the table is indexed by that type, so its answer is that type's. */
async function answer<K extends RequestType, From>(
  handlers: Handlers<K, From>,
  type: K,
  request: RequestOf<K>,
  from: From,
): Promise<Reply<Answer<K>>> {
  return { ok: true, data: await handlers[type](request, from) };
}

/** The single entry point for runtime messages: validated with zod, sender checked, errors returned as data. */
export function createRouter(deps: RouterDeps) {
  const { db, hub, record, tabs } = deps;
  async function publish(tabId: number, found: Recognition): Promise<PanelState> {
    const state = panelStateFor(found, await currentMe());
    hub.publish(tabId, state);
    return state;
  }
  const pageHandlers = createPageHandlers({ ...deps, publish });
  const content = createContentHandlers({ hub, record, tabs, publish });

  async function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
    try {
      // A worker woken by this message has not read the store's key yet (the sync that unlocks may still be starting).
      await restoreSessionKey(db);
      if (isExtensionPage(sender)) {
        const request = pageRequestSchema.safeParse(message);
        if (!request.success) return { ok: false, error: 'Invalid request.' };
        return await answer(pageHandlers, request.data.type, request.data, sender);
      }
      if (isOwnContentScript(sender)) {
        const request = contentRequestSchema.safeParse(message);
        if (!request.success) return { ok: false, error: 'Invalid request.' };
        const url = sender.url ?? sender.tab.url ?? '';
        const from: FrameOrigin = {
          tabId: sender.tab.id,
          frameId: sender.frameId ?? 0,
          documentId: sender.documentId,
          url,
          host: senderHost({ url }),
          allowed: siteAllowed(await readManaged(), url),
        };
        // A site the administrator does not allow learns only that (siteConfig answers `blocked`).
        if (!from.allowed && request.data.type !== 'siteConfig')
          return { ok: false, error: 'Not allowed on this site.' };
        return await answer(content.handlers, request.data.type, request.data, from);
      }
      return { ok: false, error: 'Unknown sender.' };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  return Object.assign(route, { settled: content.settled });
}

import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { auditEntrySchema } from '../audit/chain';
import type { AuditLog } from '../audit/log';
import type { ViewRecorder } from '../audit/recorder';
import { span } from '../debug/timing';
import { type FeedConfig, fetchRegions, fetchTeamAudit, postRegionDecision } from '../feed/client';
import { currentMe } from '../feed/me';
import type { GesturesDb } from '../gestures/outbox';
import type { Recognition } from '../lookup/service';
import { shareRegions } from '../lookup/team-regions';
import type { GestureRecord } from '../policy/schema';
import { contactsOf, maySeeTeamAudit, profileFor } from '../privacy/view';
import type { Handlers } from '../protocol/answers';
import type { PageRequest } from '../protocol/messages';
import { readSettings } from '../settings';
import { getCustomer, type ReconnuDb, readQuarantine } from '../store';
import type { SyncOutcome } from '../sync/engine';
import { createGestureHandlers } from './gesture-handlers';
import type { TabRecognition } from './recognition';
import { createSearchHandler } from './search-handler';
import { senderHost } from './senders';

const teamAuditSchema = z.object({
  entries: z.array(auditEntrySchema.extend({ receivedAt: z.string().optional() })),
  cursor: z.string().optional(),
});

/** Entries of the team's audit per page of the audit view. */
const AUDIT_PAGE = 50;

/** An extension page's requests, each answered by its own handler; the sender is the browser's record of the page. */
export type PageHandlers = Handlers<PageRequest['type'], Browser.runtime.MessageSender>;

export interface PageDeps {
  db: ReconnuDb;
  record: ViewRecorder;
  audit: AuditLog;
  syncNow: () => Promise<SyncOutcome>;
  signOut: () => Promise<void>;
  gestures: GesturesDb;
  /** Tries to send the gesture outbox now. */
  deliverGestures: () => void;
  /** The requests waiting for a supervisor changed, or were just read (approval-badge.ts). */
  pendingChanged: (pending?: GestureRecord[]) => void;
  tabs: TabRecognition;
}

interface HandlerDeps extends PageDeps {
  /** Shows a tab's recognition on its panel. */
  publish: (tabId: number, found: Recognition) => Promise<unknown>;
}

/** Where a page request comes from, for the audit: the site under the overlay panel, else the extension page. */
export function pagePlace(sender: Browser.runtime.MessageSender): string {
  const path = new URL(sender.url ?? browser.runtime.getURL('/')).pathname;
  if (path.startsWith('/panel')) return senderHost({ url: sender.tab?.url }) || 'panel';
  if (path.startsWith('/sidepanel')) return 'side panel';
  if (path.startsWith('/popup')) return 'popup';
  return path.replace(/^\/|\.html$/g, '') || 'extension';
}

async function supervisorOnly(what: string): Promise<void> {
  if (!maySeeTeamAudit(await currentMe())) throw new Error(`Only supervisors ${what}.`);
}

/** The feed that shares page regions, for a supervisor only. */
async function regionFeed(): Promise<FeedConfig> {
  await supervisorOnly('decide what the team shares');
  const settings = await readSettings();
  if (!settings.feedUrl || !settings.token) throw new Error('Shared regions need a feed.');
  return settings;
}

/** Requests from this extension's own pages; what leaves here is already shaped for the viewer's role. */
export function createPageHandlers(deps: HandlerDeps): PageHandlers {
  const { db, record, audit, syncNow, signOut, gestures, deliverGestures, pendingChanged, tabs, publish } = deps;
  const search = createSearchHandler({ db, record });
  return {
    ...createGestureHandlers({ db, gestures, deliver: deliverGestures, pendingChanged }),
    async getCustomer(request, sender) {
      const [customer, me] = await Promise.all([span('get.find', () => getCustomer(db, request.id)), currentMe()]);
      if (!customer) return null;
      const tabId = sender.tab?.id;
      // Picked on a tab's picker: the site learns where this customer's identifier sat.
      if (request.how === 'candidate' && tabId !== undefined)
        void tabs.picked(tabId, customer.id).catch(() => undefined);
      // Shown first, audited right after: the reply does not wait for the log's hash and write (recorder.ts
      // retries a failed append; the audit's readers wait for what was recorded before them).
      record({ action: 'view', customerId: customer.id, where: pagePlace(sender), foundBy: request.how }).catch(
        (error: Error) => console.error('Reconnu: a profile view could not be audited', error),
      );
      return profileFor(customer, me);
    },
    async reveal(request, sender) {
      const customer = await getCustomer(db, request.id);
      if (!customer) return null;
      const { reason } = request;
      await record({ action: 'reveal', customerId: customer.id, where: pagePlace(sender), foundBy: 'reveal', reason });
      return contactsOf(customer);
    },
    async notThisCustomer(request, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return null;
      const found = await tabs.rejected(tabId, request.id);
      if (found) await publish(tabId, found);
      return null;
    },
    search: async (request, sender) => search(request.query, pagePlace(sender)),
    sharedRegions: async () => fetchRegions(await regionFeed()),
    async decideRegion({ site, region, verdict }) {
      const settings = await regionFeed();
      await postRegionDecision(settings, { site, region, verdict });
      await shareRegions(settings); // this browser prefers an approved region at once
      return null;
    },
    syncNow: () => syncNow(),
    async signOut() {
      await signOut();
      return null;
    },
    listQuarantine: () => readQuarantine(db),
    async localAudit() {
      await supervisorOnly('can see the audit');
      await record.settled();
      return { entries: await audit.recent(500), chain: await audit.verify() };
    },
    async teamAudit(request) {
      await supervisorOnly('can see the audit');
      const settings = await readSettings();
      const { type: _type, ...filters } = request;
      const query = new URLSearchParams({ limit: String(AUDIT_PAGE) });
      for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
      const answer = teamAuditSchema.safeParse(await fetchTeamAudit(settings, query));
      if (!answer.success) throw new Error('The feed sent a malformed audit.');
      return answer.data;
    },
  };
}

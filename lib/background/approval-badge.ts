import { browser } from 'wxt/browser';
import { currentMe } from '../feed/me';
import { displayName } from '../feed/schema';
import { resolveLocale } from '../i18n/strings';
import { supervisorStrings } from '../i18n/supervisor';
import { policyItem } from '../policy/refresh';
import type { GestureRecord } from '../policy/schema';
import { maySeeTeamAudit } from '../privacy/view';
import { readSettings } from '../settings';
import { getCustomer, type ReconnuDb } from '../store';
import {
  announcedApprovalsItem,
  approvalLine,
  approvalNotificationsItem,
  badgeText,
} from '../supervisor/approval-alerts';
import { feedList } from './feed-gestures';

const NOTIFICATION_PREFIX = 'approval-';
/** A burst of requests is announced by its first few; the badge counts them all. */
const ANNOUNCED_AT_ONCE = 3;

/** The toolbar button: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2 build. */
const toolbarButton = () => browser.action ?? browser.browserAction;

/**
 * The requests waiting for a supervisor, as a count on the toolbar icon and, when they opted in, a desktop
 * notification per new request. Refreshed after each sync run, after a decision, and whenever the console reads them.
 */
export function createApprovalBadge({ db }: { db: ReconnuDb }) {
  // One update at a time: the console's polling and the sync's must not interleave their badge and announcements.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: Error) => console.error('Reconnu: the approvals badge failed', error));
    return queue as Promise<void>;
  };

  async function announce(pending: GestureRecord[]): Promise<void> {
    const announced = new Set(await announcedApprovalsItem.getValue());
    // Only what still waits is remembered: the list stays as short as the queue of requests.
    await announcedApprovalsItem.setValue(pending.map((record) => record.id));
    const fresh = pending.filter((record) => !announced.has(record.id));
    if (fresh.length === 0 || !(await approvalNotificationsItem.getValue())) return;
    if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
    const locale = resolveLocale((await readSettings()).locale);
    const currency = (await policyItem.getValue())?.policy.currency ?? 'EUR';
    for (const record of fresh.slice(0, ANNOUNCED_AT_ONCE)) {
      const customer = await getCustomer(db, record.customerId).catch(() => undefined);
      const customerName = customer && displayName(customer);
      await browser.notifications.create(`${NOTIFICATION_PREFIX}${record.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: supervisorStrings(locale).approvalWaiting,
        message: approvalLine(record, { customerName, currency, locale }),
        priority: 1,
      });
    }
  }

  async function show(pending: GestureRecord[]): Promise<void> {
    await toolbarButton().setBadgeBackgroundColor({ color: '#b3261e' });
    await toolbarButton().setBadgeText({ text: badgeText(pending.length) });
    await announce(pending);
  }

  /** Asks the feed what waits (supervisors and admins only; anyone else's icon shows no count). */
  async function refresh(): Promise<void> {
    if (!maySeeTeamAudit(await currentMe())) {
      await toolbarButton().setBadgeText({ text: '' });
      return;
    }
    // An unreachable feed leaves the last count: the next sync run asks again.
    const pending = await feedList({ status: 'pending' }).catch(() => undefined);
    if (pending) await show(pending);
  }

  /** A click on an announcement opens the console, where the request is decided. */
  function onNotificationClicked(id: string): void {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/supervisor.html') });
    void browser.notifications.clear(id);
  }

  /** Signed out, or the customers wiped: no count stays on the icon, and the next user's requests are all news. */
  async function clear(): Promise<void> {
    await toolbarButton().setBadgeText({ text: '' });
    await announcedApprovalsItem.setValue([]);
  }

  return {
    refresh: () => enqueue(refresh),
    clear: () => enqueue(clear),
    /** The list was just read (the console): shown as it is, without asking the feed again. */
    show: (pending: GestureRecord[]) => enqueue(() => show(pending)),
    onNotificationClicked,
  };
}

export type ApprovalBadge = ReturnType<typeof createApprovalBadge>;

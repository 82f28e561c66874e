import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { currentMe } from '../feed/me';
import { displayName } from '../feed/schema';
import { phoneFor } from '../privacy/view';
import type { PanelState } from '../protocol/messages';

export interface RecentCaller {
  /** As the user may see it: masked for a role that sees customers' contacts masked. */
  number: string;
  at: string;
  status: PanelState['status'];
  customerId?: string;
  name?: string;
  /** How many customers share the number, when it opened the picker. */
  candidates?: number;
}

const KEEP = 20;
/** The same caller seen again within this time (the softphone re-rendering) is the same call. */
const SAME_CALL_MS = 2 * 60_000;

/**
 * The side panel's "recent callers", kept in session storage: only extension pages can read it, and it is gone when
 * the browser closes.
 */
export const recentCallersItem = storage.defineItem<RecentCaller[]>('session:recentCallers', { fallback: [] });

/**
 * Keeps the call in the recent callers, its number masked as the profile masks phones for the user's role: next to
 * the customer's name, a number in full would disclose what their profile masks.
 */
export async function recordCall(number: string, state: PanelState, now = new Date()): Promise<RecentCaller> {
  const shown = phoneFor(number, await currentMe());
  const caller: RecentCaller = { number: shown, at: now.toISOString(), status: state.status };
  if (state.status === 'matched') {
    caller.customerId = state.customer.id;
    caller.name = displayName(state.customer);
  } else if (state.status === 'ambiguous') caller.candidates = state.candidates.length;
  const recent = await recentCallersItem.getValue();
  const same = recent[0]?.number === shown && now.getTime() - Date.parse(recent[0].at) < SAME_CALL_MS;
  await recentCallersItem.setValue([caller, ...(same ? recent.slice(1) : recent)].slice(0, KEEP));
  return caller;
}

/**
 * A desktop notification with the caller's name, when the agent allowed notifications (an optional permission asked
 * in the options page) and the softphone's tab is in the background.
 */
export async function notifyCaller(caller: RecentCaller): Promise<boolean> {
  if (caller.status !== 'matched' || !caller.name) return false;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
  await browser.notifications.create(`call-${caller.at}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: caller.name,
    message: caller.number,
    priority: 2,
  });
  return true;
}

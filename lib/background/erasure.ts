import { browser } from 'wxt/browser';
import { recentCallersItem } from './callers';
import type { PanelHub } from './panel-ports';

/**
 * A customer erased by the feed disappears from every cached view in the same sync cycle: the panels showing
 * them, the recent callers, and the extension pages' query caches (told by a broadcast they validate).
 */
export async function forgetErasedViews(ids: string[], hub: PanelHub): Promise<void> {
  const erased = new Set(ids);
  hub.dropCustomers(erased);
  const callers = await recentCallersItem.getValue();
  const kept = callers.filter((caller) => !caller.customerId || !erased.has(caller.customerId));
  if (kept.length !== callers.length) await recentCallersItem.setValue(kept);
  await browser.runtime.sendMessage({ type: 'erased', ids }).catch(() => undefined); // no page open
}

import { browser } from 'wxt/browser';
import type { ErasedNotice } from '../protocol/messages';
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
  await tellPagesErased(ids);
}

/** Every open extension page drops its cached answers about these customers (AppShell.tsx validates the notice). */
export async function tellPagesErased(ids: ErasedNotice['ids']): Promise<void> {
  await browser.runtime.sendMessage<ErasedNotice>({ type: 'erased', ids }).catch(() => undefined); // no page open
}

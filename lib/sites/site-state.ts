import { storage } from 'wxt/utils/storage';

/** Whether the agent left the panel open or collapsed on a site; absent means "open when a customer shows up". */
export const panelOpenBySiteItem = storage.defineItem<Record<string, boolean>>('local:panelOpenBySite', {
  fallback: {},
});

export interface AdapterHealth {
  adapter: string;
  host: string;
  /** No customer field matched, or the conversation container was missing, on `page` (path, query and hash). */
  problem: 'fields' | 'container';
  page: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
}

/** Adapters whose selectors stopped matching a page they should match, shown in the options page. */
export const adapterHealthItem = storage.defineItem<Record<string, AdapterHealth>>('local:adapterHealth', {
  fallback: {},
});

export async function recordAdapterHealth(
  adapter: string,
  host: string,
  problem: AdapterHealth['problem'],
  page: string,
  now = new Date(),
) {
  const all = await adapterHealthItem.getValue();
  const known = all[adapter];
  const at = now.toISOString();
  all[adapter] = {
    adapter,
    host,
    problem,
    page,
    firstSeen: known?.firstSeen ?? at,
    lastSeen: at,
    count: (known?.count ?? 0) + 1,
  };
  await adapterHealthItem.setValue(all);
}

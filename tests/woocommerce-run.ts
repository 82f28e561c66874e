import type { SourceConnector, SourceContext } from '../lib/connectors/types';
import { woocommerceConnector } from '../lib/connectors/woocommerce';
import type { ChangesPage } from '../lib/feed/schema';
import { KEY, SECRET } from './woocommerce-site';

type Record = { id: string; deleted?: true } & { [field: string]: unknown };

/** What the sync engine keeps of a source, in memory: the records by id, and the cursor it committed. */
export function memoryStore(start: Date) {
  const records = new Map<string, Record>();
  let now = start.getTime();
  const context: SourceContext = {
    storedIds: async () => [...records.keys()],
    now: () => new Date(now),
  };
  return {
    records,
    context,
    cursor: null as string | null,
    advance(ms: number) {
      now += ms;
    },
    apply(page: ChangesPage) {
      for (const change of page.changes as Record[]) {
        if (change.deleted) records.delete(change.id);
        else records.set(change.id, change);
      }
      this.cursor = page.cursor;
    },
  };
}

export type MemoryStore = ReturnType<typeof memoryStore>;

export function wooConnector(url: string, key = KEY): SourceConnector {
  return woocommerceConnector.create({ kind: 'woocommerce', url, key, secret: SECRET }, null);
}

/** One sync run: pages until `more` is false, each applied as the engine commits it. Returns the pages. */
export async function syncRun(connector: SourceConnector, store: MemoryStore, limit = 2000): Promise<ChangesPage[]> {
  const pages: ChangesPage[] = [];
  for (let guard = 0; guard < 200; guard++) {
    const page = await connector.fetchChanges(store.cursor, limit, undefined, store.context);
    pages.push(page);
    store.apply(page);
    if (!page.more) return pages;
  }
  throw new Error('the run never ended');
}

export const idsOf = (pages: ChangesPage[]) => pages.flatMap((page) => page.changes.map((c) => (c as Record).id));

/** The connector's requests to one endpoint, as `path?query` without the API prefix. */
export function calls(requests: { url: URL }[], path: string): URLSearchParams[] {
  return requests
    .filter((request) => request.url.pathname === `/wp-json/wc/v3${path}`)
    .map((request) => request.url.searchParams);
}

import type { Page } from 'playwright-core';
import { allowEsbuildNames } from '../browser';

/**
 * The naive way, measured in the same extension origin: one put per customer, 5,000 per transaction, into a store
 * with no index ("raw") and into one with the same lookup index the extension keeps ("indexed"). Only the writes are
 * timed: the records are fetched and parsed beforehand, which favours the baseline.
 */
export async function rawIndexedDbBaseline(
  page: Page,
  feed: { url: string; token: string },
): Promise<{ recordsWritten: number; rawPerSec: number; indexedPerSec: number }> {
  await allowEsbuildNames(page);
  return page.evaluate(
    async ({ url, token }) => {
      const records: { id: string; emails?: string[]; phones?: string[] }[] = [];
      let cursor = '';
      for (;;) {
        const response = await fetch(`${url}/v1/changes?limit=5000${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const body = await response.json();
        for (const change of body.changes) if (!change.deleted) records.push(change);
        cursor = encodeURIComponent(body.cursor);
        if (!body.more) break;
      }
      const open = (name: string, indexed: boolean) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          indexedDB.deleteDatabase(name);
          const request = indexedDB.open(name, 1);
          request.onupgradeneeded = () => {
            const store = request.result.createObjectStore('customers', { keyPath: 'id' });
            if (indexed) store.createIndex('keys', 'keys', { multiEntry: true });
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const write = async (indexed: boolean) => {
        const db = await open(`baseline-${indexed ? 'indexed' : 'raw'}`, indexed);
        const started = performance.now();
        for (let start = 0; start < records.length; start += 5000) {
          const tx = db.transaction('customers', 'readwrite');
          const store = tx.objectStore('customers');
          for (const record of records.slice(start, start + 5000)) {
            store.put(
              indexed
                ? { ...record, keys: [`i:${record.id}`, ...(record.emails ?? []), ...(record.phones ?? [])] }
                : record,
            );
          }
          await new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
        }
        const perSec = Math.round(records.length / ((performance.now() - started) / 1000));
        db.close();
        indexedDB.deleteDatabase(db.name);
        return perSec;
      };
      return { recordsWritten: records.length, rawPerSec: await write(false), indexedPerSec: await write(true) };
    },
    { url: feed.url, token: feed.token },
  );
}

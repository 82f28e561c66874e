import type { Page } from 'playwright-core';
import { allowEsbuildNames } from '../browser';

/**
 * What this machine allows at most, in the same extension origin: fetch every page the extension reads, parse it,
 * and store it whole as one record: no validation, no packing, no index. No sync can beat this figure here.
 */
export async function transferCeiling(page: Page, feed: { url: string; token: string }): Promise<number> {
  await allowEsbuildNames(page);
  return page.evaluate(
    async ({ url, token }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        indexedDB.deleteDatabase('ceiling');
        const request = indexedDB.open('ceiling', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('pages', { autoIncrement: true });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const started = performance.now();
      let customers = 0;
      let cursor = '';
      for (;;) {
        const response = await fetch(`${url}/v1/changes?limit=2000${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const body = await response.json();
        customers += body.changes.length;
        const tx = db.transaction('pages', 'readwrite');
        tx.objectStore('pages').put(JSON.stringify(body.changes));
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        cursor = encodeURIComponent(body.cursor);
        if (!body.more) break;
      }
      const perSec = Math.round(customers / ((performance.now() - started) / 1000));
      db.close();
      indexedDB.deleteDatabase('ceiling');
      return perSec;
    },
    { url: feed.url, token: feed.token },
  );
}

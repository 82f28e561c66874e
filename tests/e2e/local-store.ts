import type { Page } from 'playwright-core';

/**
 * Every [id, version] in the extension's local store, read straight from its IndexedDB by an extension page
 * (same origin), with duplicates kept so a test can see them.
 */
export function localCustomers(extensionPage: Page): Promise<[string, number][]> {
  return extensionPage.evaluate(
    () =>
      new Promise<[string, number][]>((resolve, reject) => {
        const open = indexedDB.open('reconnu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('segments').objectStore('segments').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const segments = request.result as { ids: string[]; versions: number[] }[];
            resolve(segments.flatMap((s) => s.ids.map((id, i): [string, number] => [id, s.versions[i] as number])));
            open.result.close();
          };
        };
      }),
  );
}

/**
 * Every key and value of every store of one of the extension's IndexedDB databases (the customer store unless told)
 * as one text (binary as Latin-1), to assert that no customer data is stored in clear. Self-contained: it runs in the
 * extension page.
 */
export function rawLocalStoreText(extensionPage: Page, options: { database?: string } = {}): Promise<string> {
  return extensionPage.evaluate(
    (database: string) =>
      new Promise<string>((resolve, reject) => {
        const latin1 = (bytes: Uint8Array) => {
          let text = '';
          for (const byte of bytes) text += String.fromCharCode(byte);
          return text;
        };
        const flatten = (value: unknown): string => {
          if (value instanceof ArrayBuffer) return latin1(new Uint8Array(value));
          if (ArrayBuffer.isView(value))
            return latin1(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
          if (Array.isArray(value)) return value.map(flatten).join('\n');
          if (value && typeof value === 'object') {
            return Object.entries(value)
              .map(([key, inner]) => `${key}=${flatten(inner)}`)
              .join('\n');
          }
          return String(value);
        };
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = [...open.result.objectStoreNames];
          const transaction = open.result.transaction(names, 'readonly');
          const parts: string[] = [];
          for (const name of names) {
            const store = transaction.objectStore(name);
            store.getAllKeys().onsuccess = (event) => parts.push(flatten((event.target as IDBRequest).result));
            store.getAll().onsuccess = (event) => parts.push(flatten((event.target as IDBRequest).result));
          }
          transaction.oncomplete = () => {
            open.result.close();
            resolve(parts.join('\n'));
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    options.database ?? 'reconnu',
  );
}

/**
 * Compares the local store with the server's truth: what is missing, extra, stale or duplicated. An updated
 * customer may keep a superseded copy for a few sync runs (copies.ts prunes them within a budget); only its latest copy counts, and a
 * copy stored twice at the same version is a duplicate.
 */
export function diffWithTruth(local: [string, number][], truth: [string, number][]) {
  const localVersions = new Map<string, number>();
  const seen = new Set<string>();
  const duplicated: string[] = [];
  for (const [id, version] of local) {
    if (seen.has(`${id}@${version}`)) duplicated.push(id);
    seen.add(`${id}@${version}`);
    localVersions.set(id, Math.max(localVersions.get(id) ?? 0, version));
  }
  const truthIds = new Set(truth.map(([id]) => id));
  return {
    missing: truth.filter(([id]) => !localVersions.has(id)).map(([id]) => id),
    stale: truth
      .filter(([id, version]) => localVersions.has(id) && localVersions.get(id) !== version)
      .map(([id]) => id),
    extra: [...localVersions.keys()].filter((id) => !truthIds.has(id)),
    duplicated,
  };
}

/** How many superseded copies the store still holds. */
export function supersededCopies(local: [string, number][]): number {
  return local.length - new Set(local.map(([id]) => id)).size;
}

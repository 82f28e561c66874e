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
 * Compares the local store with the server's truth: what is missing, extra, stale or duplicated. An updated
 * customer may briefly keep a superseded copy (pruned right after the sync); only its latest copy counts, and a
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

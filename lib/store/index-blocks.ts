import { openTexts, type Sealed, seal, sealTexts } from './crypto';
import type { KeyBlock, ReconnuDb, StoredBlock } from './db';

/**
 * How the key index is stored (see key-index.ts): each block sealed whole under its run and ordinal, and each run's
 * directory (its blocks' lower bounds, which are keys) sealed as one record, cached in memory once opened.
 */
const blockContext = (run: number, n: number) => `block\n${run}\n${n}`;
const directoryContext = (run: number) => `directory\n${run}`;

export async function sealBlocks(key: CryptoKey, blocks: KeyBlock[]): Promise<StoredBlock[]> {
  const boxes = await sealTexts(
    key,
    blocks.map(({ run, n, keys, segs, versions }) => [JSON.stringify([keys, segs, versions]), blockContext(run, n)]),
  );
  return blocks.map(({ run, n }, i) => ({ run, n, box: boxes[i] as Sealed }));
}

export async function openBlocks(key: CryptoKey, stored: StoredBlock[]): Promise<KeyBlock[]> {
  const texts = await openTexts(
    key,
    stored.map(({ run, n, box }) => [box, blockContext(run, n)]),
  );
  return stored.map(({ run, n }, i) => {
    const [keys, segs, versions] = JSON.parse(texts[i] as string) as [string[], number[], number[]];
    return { run, n, keys, segs, versions };
  });
}

/** Stores a run's directory: the first key of each of its blocks, in order. */
export async function putDirectory(db: ReconnuDb, run: number, bounds: string[]): Promise<void> {
  await db.indexDirectories.put({ run, box: await seal(db.key, bounds, directoryContext(run)) });
  directories.get(db)?.set(run, bounds);
}

const directories = new WeakMap<ReconnuDb, Map<number, string[]>>();

/** The sorted block bounds of each run, read once per run and kept. */
export async function directoriesOf(db: ReconnuDb, runs: number[]): Promise<Map<number, string[]>> {
  const cache = directories.get(db) ?? new Map<number, string[]>();
  directories.set(db, cache);
  for (const run of cache.keys()) if (!runs.includes(run)) cache.delete(run); // merged away
  const missing = runs.filter((run) => !cache.has(run));
  if (missing.length === 0) return cache;
  const stored = await db.indexDirectories.bulkGet(missing);
  const texts = await openTexts(
    db.key,
    stored.flatMap((directory) => (directory ? [[directory.box, directoryContext(directory.run)]] : [])),
  );
  let next = 0;
  missing.forEach((run, i) => {
    cache.set(run, stored[i] ? (JSON.parse(texts[next++] as string) as string[]) : []);
  });
  return cache;
}

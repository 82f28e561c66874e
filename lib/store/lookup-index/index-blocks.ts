import { openBytes, openTexts, type Sealed, seal, sealBytes, sealTexts } from '../crypto/crypto';
import type { KeyBlock, ReconnuDb, StoredBlock } from '../db';
import { KeyFilter } from './key-filter';

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

/** A run's directory, opened: its blocks' bounds and, for runs written since it exists, the filter of its keys. */
export interface Directory {
  bounds: string[];
  filter?: KeyFilter;
}

/** The sealed directory text: bounds only (runs written before filters), or bounds and the filter's hash count. */
type SavedDirectory = string[] | { bounds: string[]; hashes: number };

const filterContext = (run: number) => `directory-filter\n${run}`;

/** Stores a run's directory: the first key of each of its blocks, in order, and the filter of all its keys. */
export async function putDirectory(db: ReconnuDb, run: number, bounds: string[], filter: KeyFilter): Promise<void> {
  const { bits, hashes } = filter.saved;
  const saved: SavedDirectory = { bounds, hashes };
  const box = await seal(db.dataKey, saved, directoryContext(run));
  const sealedFilter = await sealBytes(db.dataKey, bits, filterContext(run));
  await db.indexDirectories.put({ run, box, filter: sealedFilter });
  directories.get(db)?.set(run, { bounds, filter });
}

const directories = new WeakMap<ReconnuDb, Map<number, Directory>>();

/** The directory of each run, read once per run and kept (a run written before filters existed has none). */
export async function directoriesOf(db: ReconnuDb, runs: number[]): Promise<Map<number, Directory>> {
  const cache = directories.get(db) ?? new Map<number, Directory>();
  directories.set(db, cache);
  for (const run of cache.keys()) if (!runs.includes(run)) cache.delete(run); // merged away
  const missing = runs.filter((run) => !cache.has(run));
  if (missing.length === 0) return cache;
  const stored = (await db.indexDirectories.bulkGet(missing)).filter((directory) => !!directory);
  const texts = await openTexts(
    db.dataKey,
    stored.map((directory) => [directory.box, directoryContext(directory.run)]),
  );
  const withFilter = stored.filter((directory) => !!directory.filter);
  const opened = await openBytes(
    db.dataKey,
    withFilter.map((directory) => [directory.filter as Sealed, filterContext(directory.run)]),
  );
  const filters = new Map(withFilter.map((directory, i) => [directory.run, opened[i]]));
  for (const run of missing) cache.set(run, { bounds: [] });
  stored.forEach((directory, i) => {
    const saved = JSON.parse(texts[i] as string) as SavedDirectory;
    const bits = filters.get(directory.run);
    cache.set(
      directory.run,
      Array.isArray(saved)
        ? { bounds: saved }
        : { bounds: saved.bounds, ...(bits ? { filter: KeyFilter.from(bits, saved.hashes) } : {}) },
    );
  });
  return cache;
}

import { mark } from '../../debug/timing';
import type { KeyBlock, ReconnuDb, StoredBlock } from '../db';
import { readIndexState } from '../meta-cache';
import { forgetBlocks, readBlocks } from './block-cache';
import { type Directory, directoriesOf, putDirectory, sealBlocks } from './index-blocks';
import { KeyFilter } from './key-filter';

/**
 * The lookup index: (key, segment) entries kept in sorted *runs*, each cut into blocks of about BLOCK_SIZE
 * entries stored as one record. Writing a page's 10,000 keys is then a few dozen puts instead of 10,000 index
 * entries; a lookup reads at most one block per run, none from a run whose filter rules its key out
 * (key-filter.ts). Runs are merged after each sync (key-merge.ts) so there stay few.
 *
 * A run's blocks never change their bounds: block n holds keys from bound n up to bound n+1, even after entries are
 * removed from it. So each run's list of block bounds (its directory) can be cached for the run's whole life, and
 * finding the blocks for any set of keys is one bulkGet. Keys are personal data: blocks are sealed whole and
 * numbered, and each run's directory and filter are one sealed record (indexDirectories).
 */
/** An index entry; id keys (`i:`) also carry the version of the copy they point to (0 elsewhere). */
export type Entry = [key: string, seg: number, version?: number];

export const BLOCK_SIZE = 512;

export function compareEntries(a: Entry, b: Entry): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
}

/**
 * Cuts sorted entries into blocks numbered from `firstN`, never splitting equal keys (so a block's first key, its
 * bound, is unique in its run).
 */
export function toBlocks(run: number, sorted: Entry[], firstN = 0): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  let keys: string[] = [];
  let segs: number[] = [];
  let versions: number[] = [];
  const flush = () => {
    if (keys.length === 0) return;
    blocks.push({ run, n: firstN + blocks.length, keys, segs, versions });
    keys = [];
    segs = [];
    versions = [];
  };
  for (const [key, seg, version] of sorted) {
    if (keys.length >= BLOCK_SIZE && keys.at(-1) !== key) flush();
    keys.push(key);
    segs.push(seg);
    versions.push(version ?? 0);
  }
  flush();
  return blocks;
}

/** The entries of a block, versions included. */
export function blockEntries(block: KeyBlock): Entry[] {
  return block.keys.map((key, i): Entry => [key, block.segs[i] as number, block.versions[i] ?? 0]);
}

export async function runIds(db: ReconnuDb): Promise<number[]> {
  return (await readIndexState(db)).runs.map((run) => run.id);
}

/** Run ids are never reused (not even after an aborted transaction), so cached directories stay valid. */
export function newRunId(nextRun: number): number {
  return Math.max(nextRun, Date.now());
}

/** Index of the last bound <= key (the block that may hold key), or -1. */
function blockFor(bounds: string[], key: string): number {
  let low = 0;
  let high = bounds.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((bounds[middle] as string) <= key) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The blocks, over all runs, that may hold keys in any of the given [low, high] ranges: one bulkGet. */
async function blocksFor(db: ReconnuDb, ranges: [string, string][], knownRuns?: number[]): Promise<KeyBlock[]> {
  let at = performance.now();
  const runs = knownRuns ?? (await runIds(db));
  const cache = await directoriesOf(db, runs);
  mark('blocks.directories', at);
  at = performance.now();
  const wanted = new Map<string, [number, number]>();
  for (const run of runs) {
    const { bounds, filter } = cache.get(run) as Directory;
    for (const [low, high] of ranges) {
      if (low === high && filter && !filter.mayHave(low)) continue; // this run does not hold that key
      for (let i = Math.max(0, blockFor(bounds, low)); i < bounds.length && (bounds[i] as string) <= high; i++) {
        wanted.set(`${run}\u0001${i}`, [run, i]);
      }
    }
  }
  const blocks = await readBlocks(db, [...wanted.values()]);
  mark('blocks.read', at);
  return blocks;
}

/** Writes entries as a new run. Call inside the transaction that writes the segments they point to. */
export async function addRun(db: ReconnuDb, entries: Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const state = await readIndexState(db);
  const run = newRunId(state.nextRun);
  const sorted = [...entries].sort(compareEntries);
  const blocks = toBlocks(run, sorted);
  await db.indexBlocks.bulkAdd(await sealBlocks(db.dataKey, blocks));
  const filter = KeyFilter.forKeys(sorted.length);
  for (const [key] of sorted) filter.add(key);
  await putDirectory(
    db,
    run,
    blocks.map((block) => block.keys[0] as string),
    filter,
  );
  let maxIdKey = state.maxIdKey ?? '';
  for (const [key] of sorted) if (key.startsWith('i:') && key > maxIdKey) maxIdKey = key;
  const runs = [...state.runs, { id: run, entries: entries.length }];
  await db.meta.put({ ...state, runs, nextRun: run + 1, maxIdKey });
}

/** Every entry with a key in [low, high], over all runs (duplicates across runs kept). */
export async function entriesInRange(db: ReconnuDb, low: string, high: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const block of await blocksFor(db, [[low, high]])) {
    for (const entry of blockEntries(block)) if (entry[0] >= low && entry[0] <= high) entries.push(entry);
  }
  return entries;
}

/** Every entry whose key is one of these keys, over all runs: one bulkGet of the blocks that may hold them. */
export async function entriesForKeys(db: ReconnuDb, keys: string[]): Promise<Entry[]> {
  const wanted = new Set(keys);
  const blocks = await blocksFor(
    db,
    keys.map((key): [string, string] => [key, key]),
  );
  // Only matching entries are built: a lookup reads a block of BLOCK_SIZE entries per run to keep one or two.
  const found: Entry[] = [];
  for (const block of blocks) {
    block.keys.forEach((key, i) => {
      if (wanted.has(key)) found.push([key, block.segs[i] as number, block.versions[i] ?? 0]);
    });
  }
  return found;
}

/** The segments that may hold a customer with this key (a segment may since have lost it: check its content). */
export async function segmentsForKey(db: ReconnuDb, key: string, runs?: number[]): Promise<number[]> {
  const segs = new Set<number>();
  for (const block of await blocksFor(db, [[key, key]], runs)) {
    block.keys.forEach((candidate, i) => {
      if (candidate === key) segs.add(block.segs[i] as number);
    });
  }
  return [...segs];
}

/** The blocks that lose entries, rewritten without them and sealed (read, not written: see writeBlocks). */
export async function blocksWithout(db: ReconnuDb, entries: Entry[]): Promise<StoredBlock[]> {
  if (entries.length === 0) return [];
  const doomedKeys = new Set(entries.map(([key]) => key));
  const doomed = new Set(entries.map(([key, seg]) => `${seg}\u0001${key}`));
  const rewritten: KeyBlock[] = [];
  for (const block of await blocksFor(
    db,
    [...doomedKeys].map((key): [string, string] => [key, key]),
  )) {
    // Most entries of a block stay: the key alone rules them out before the (key, segment) pair is built.
    const gone = (key: string, i: number) => doomedKeys.has(key) && doomed.has(`${block.segs[i]}\u0001${key}`);
    if (!block.keys.some(gone)) continue;
    const keep = block.keys.flatMap((key, i) => (gone(key, i) ? [] : [i]));
    // Same record, same bound, fewer entries: the run's directory stays valid.
    const pick = <T>(values: T[]) => keep.map((i) => values[i] as T);
    rewritten.push({ ...block, keys: pick(block.keys), segs: pick(block.segs), versions: pick(block.versions) });
  }
  return sealBlocks(db.dataKey, rewritten);
}

/** Writes rewritten blocks in place (call inside a write transaction). */
export async function writeBlocks(db: ReconnuDb, blocks: StoredBlock[]): Promise<void> {
  forgetBlocks(db, blocks);
  await db.indexBlocks.bulkPut(blocks);
}

/** Physically removes entries (an erased customer's keys must not survive in the index). */
export async function removeEntries(db: ReconnuDb, entries: Entry[]): Promise<void> {
  await writeBlocks(db, await blocksWithout(db, entries));
}

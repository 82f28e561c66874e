import type { KeyBlock, ReconnuDb, StoredBlock } from '../db';
import { openBlocks } from './index-blocks';

/**
 * Recently read index blocks, opened, so a lookup does not read and decrypt the same blocks again (the id and
 * phone blocks a panel keeps asking about). Bounded (least recently used first out, CACHED_BLOCKS at most, a few
 * MB) and kept only in the worker's memory, like the data key.
 *
 * Invalidation: a block's content changes only when removeEntries rewrites it (same run and ordinal), and a run's
 * blocks go when a merge replaces the run; both call forgetBlocks / forgetRuns inside their transaction. Each
 * forget bumps a generation: a read that started before it (e.g. one outside a transaction, whose decryption ends
 * after the write committed) does not put what it read into the cache. Forgetting is always safe, so a write
 * transaction that aborts after forgetting leaves nothing wrong behind. Run ids are never reused (key-index.ts).
 */
export const CACHED_BLOCKS = 256;

interface Cache {
  generation: number;
  blocks: Map<string, KeyBlock>;
}

const caches = new WeakMap<ReconnuDb, Cache>();
const slot = (run: number, n: number) => `${run}\u0001${n}`;

function cacheOf(db: ReconnuDb): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { generation: 0, blocks: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/** The blocks at these [run, n] places, opened, from the cache or else one bulkGet; absent ones are skipped. */
export async function readBlocks(db: ReconnuDb, places: [number, number][]): Promise<KeyBlock[]> {
  const cache = cacheOf(db);
  const generation = cache.generation;
  const found = new Map<string, KeyBlock>();
  const missing: [number, number][] = [];
  for (const [run, n] of places) {
    const known = cache.blocks.get(slot(run, n));
    if (known) {
      cache.blocks.delete(slot(run, n)); // most recently used last
      cache.blocks.set(slot(run, n), known);
      found.set(slot(run, n), known);
    } else missing.push([run, n]);
  }
  if (missing.length > 0) {
    const stored = (await db.indexBlocks.bulkGet(missing)).filter((block): block is StoredBlock => !!block);
    const opened = await openBlocks(db.dataKey, stored);
    const keep = cache.generation === generation;
    for (const block of opened) {
      found.set(slot(block.run, block.n), block);
      if (keep) cache.blocks.set(slot(block.run, block.n), block);
    }
    for (const oldest of cache.blocks.keys()) {
      if (cache.blocks.size <= CACHED_BLOCKS) break;
      cache.blocks.delete(oldest);
    }
  }
  return places.flatMap(([run, n]) => found.get(slot(run, n)) ?? []);
}

/** Call before rewriting blocks in place. */
export function forgetBlocks(db: ReconnuDb, places: { run: number; n: number }[]): void {
  const cache = cacheOf(db);
  cache.generation++;
  for (const { run, n } of places) cache.blocks.delete(slot(run, n));
}

/** Call when runs are deleted (merged away, store cleared); with no runs given, forgets every block. */
export function forgetRuns(db: ReconnuDb, runs?: number[]): void {
  const cache = cacheOf(db);
  cache.generation++;
  for (const [key, block] of cache.blocks) if (!runs || runs.includes(block.run)) cache.blocks.delete(key);
}

/** How many blocks are cached (for tests). */
export function cachedBlockCount(db: ReconnuDb): number {
  return cacheOf(db).blocks.size;
}

import Dexie from 'dexie';
import type { IndexState, MetaRow, MetaStore, StaleSegments, SyncCheckpoint } from './meta-rows';

/**
 * The meta rows every lookup reads (the index state, the stale segments), kept in the worker's memory once read.
 *
 * Invalidation: every write to the meta table, whatever writes it (put, delete, clear), goes through storeWatch
 * (store-writes.ts), which forgets every cached row and bumps a generation when the write is issued, inside its transaction. A
 * read whose answer arrives after a forget does not cache it (it may predate the write). Reads inside a readwrite
 * transaction bypass the cache both ways: they may see rows that transaction wrote and has not committed (an abort
 * would leave them cached). A read outside one sees only committed rows: IndexedDB runs it after any readwrite
 * transaction on the meta table created before it, and a forget happens before that transaction can commit.
 */
interface Cache {
  generation: number;
  rows: Map<string, MetaRow | undefined>;
}

const caches = new WeakMap<MetaStore, Cache>();

function cacheOf(db: MetaStore): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { generation: 0, rows: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

export function forgetMeta(db: MetaStore): void {
  const cache = cacheOf(db);
  cache.generation++;
  cache.rows.clear();
}

/** The meta row under this key, from memory when known (treat it as read-only: it is shared). */
export async function readMeta(db: MetaStore, key: MetaRow['key']): Promise<MetaRow | undefined> {
  if (Dexie.currentTransaction?.mode === 'readwrite') return db.meta.get(key);
  const cache = cacheOf(db);
  if (cache.rows.has(key)) return cache.rows.get(key);
  const generation = cache.generation;
  const row = await db.meta.get(key);
  if (cache.generation === generation) cache.rows.set(key, row);
  return row;
}

/** How many meta rows are cached (for tests). */
export function cachedMetaCount(db: MetaStore): number {
  return cacheOf(db).rows.size;
}

export const emptyCheckpoint: SyncCheckpoint = { key: 'checkpoint', cursor: null, customers: 0, lastSuccessAt: null };

export async function readCheckpoint(db: MetaStore): Promise<SyncCheckpoint> {
  return ((await readMeta(db, 'checkpoint')) as SyncCheckpoint | undefined) ?? emptyCheckpoint;
}

export async function readIndexState(db: MetaStore): Promise<IndexState> {
  return ((await readMeta(db, 'index')) as IndexState | undefined) ?? { key: 'index', runs: [], nextRun: 1 };
}

export async function readStaleSegments(db: MetaStore): Promise<StaleSegments> {
  return ((await readMeta(db, 'stale')) as StaleSegments | undefined) ?? { key: 'stale', segs: [] };
}

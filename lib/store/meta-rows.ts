import type { Table } from 'dexie';
import type { Sealed } from './crypto/crypto';

/**
 * The rows of the store's `meta` table, one per key. They sit below db.ts so that what reads and watches them
 * (meta-cache.ts, store-writes.ts) does not depend on the database class that installs the watch.
 */
export interface IndexState {
  key: 'index';
  runs: { id: number; entries: number }[];
  nextRun: number;
  /** The highest id key ever indexed: a page whose ids are all above it holds only new customers. */
  maxIdKey?: string;
}

export interface SyncCheckpoint {
  key: 'checkpoint';
  cursor: string | null;
  customers: number;
  lastSuccessAt: string | null;
}

/** Segments holding superseded copies of updated customers, to prune after the sync (see copies.ts). */
export interface StaleSegments {
  key: 'stale';
  segs: number[];
}

/** Present while the whole feed is read again after it rejected our cursor (see resync.ts). */
export interface ResyncState {
  key: 'resync';
  startedAt: string;
}

/** Index entries whose copies are gone, sealed, until purgeIndex() removes them (see purge.ts). */
export interface PendingPurge {
  key: 'purge';
  box: Sealed;
}

export type MetaRow = SyncCheckpoint | IndexState | StaleSegments | ResyncState | PendingPurge;

/** A store with a meta table: the database (db.ts), as the meta readers and the write watch see it. */
export interface MetaStore {
  meta: Table<MetaRow, string>;
}

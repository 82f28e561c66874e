import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Sealed } from './crypto/crypto';
import type { MetaRow } from './meta-rows';
import { storeWatch } from './store-writes';

/**
 * Customers are packed into segments of up to SEGMENT_SIZE records: IndexedDB's cost is per record, not per byte
 * (see docs/architecture.md, "Local store"). Each customer is kept as a JSON string beside its id, version and lookup
 * keys, so a read parses only the customers it returns. Segments are found through the key index (key-index.ts); an
 * updated customer may briefly have a superseded copy in an older segment (copies.ts). This is a segment once opened;
 * what IndexedDB holds is a StoredSegment (segments.ts seals and opens them).
 */
export interface Segment {
  seg?: number;
  ids: string[];
  versions: number[];
  /** When this segment was written (epoch ms): the retention purge removes customers not refreshed since. */
  receivedAt: number;
  /** Per customer: its lookup keys joined by KEY_SEPARATOR. */
  keysOf: string[];
  docs: string[];
}

/** Ids and versions are pseudonymous and stay readable; lookup keys and customers are sealed in `box`. */
export interface StoredSegment {
  seg?: number;
  ids: string[];
  versions: number[];
  receivedAt: number;
  box: Sealed;
}

/** Block `n` of one sorted run of the key index, opened (see key-index.ts). */
export interface KeyBlock {
  run: number;
  n: number;
  keys: string[];
  segs: number[];
  /** Per entry: the customer version for id keys, 0 for the others. */
  versions: number[];
}

/** Keys, segments and versions sealed together; the ordinal `n` says nothing about the keys. */
export interface StoredBlock {
  run: number;
  n: number;
  box: Sealed;
}

/** A run's directory: the sorted lower bounds of its blocks (block n holds keys from bound n to bound n+1), sealed. */
export interface StoredDirectory {
  run: number;
  box: Sealed;
  /** The filter of the run's keys (key-filter.ts), sealed as bytes; absent for runs written before filters. */
  filter?: Sealed;
}

export const KEY_SEPARATOR = '\u0001';

export interface QuarantinedRecord {
  id: string;
  reason: string;
  receivedAt: string;
  raw: string;
}

/** A reason and a raw record may quote a customer's data: both are sealed (see quarantine.ts). */
export interface StoredQuarantine {
  id: string;
  receivedAt: string;
  box: Sealed;
}

/** The ids one page of a resync carried, whatever became of them. */
export interface ResyncSeen {
  page?: number;
  ids: string[];
}

export const SEGMENT_SIZE = 25;

/** Thrown when the store is used without its data key (see store-key.ts): reads treat it as an empty store. */
export class StoreLockedError extends Error {
  constructor() {
    super('The local store is locked: its key is not available.');
    this.name = 'StoreLockedError';
  }
}

export class ReconnuDb extends Dexie {
  segments!: Table<StoredSegment, number>;
  indexBlocks!: Table<StoredBlock, [number, number]>;
  indexDirectories!: Table<StoredDirectory, number>;
  meta!: Table<MetaRow, string>;
  quarantine!: EntityTable<StoredQuarantine, 'id'>;
  resyncSeen!: EntityTable<ResyncSeen, 'page'>;
  private unlockedWith: CryptoKey | null = null;

  constructor(name = 'reconnu') {
    super(name);
    this.version(1).stores({
      segments: '++seg',
      keyBlocks: '[run+first]',
      meta: 'key',
      quarantine: 'id, receivedAt',
      resyncSeen: '++page',
    });
    // Version 2 encrypts everything personal. A version 1 store is a cache in clear: it is dropped, cursor
    // included, and the next sync fills it again from the beginning.
    this.version(2)
      .stores({
        segments: '++seg, receivedAt',
        keyBlocks: null,
        indexBlocks: '[run+n]',
        indexDirectories: 'run',
        meta: 'key',
        quarantine: 'id, receivedAt',
        resyncSeen: '++page',
      })
      .upgrade(async (tx) => {
        for (const table of ['segments', 'meta', 'quarantine', 'resyncSeen']) await tx.table(table).clear();
      });
    this.use(storeWatch(this));
  }

  /** The data key every sealed value is under; throws StoreLockedError while there is none. */
  get dataKey(): CryptoKey {
    if (!this.unlockedWith) throw new StoreLockedError();
    return this.unlockedWith;
  }

  get unlocked(): boolean {
    return this.unlockedWith !== null;
  }

  /** Sets the data key (store-key.ts), or removes it from memory with null. */
  setDataKey(key: CryptoKey | null): void {
    this.unlockedWith = key;
  }
}

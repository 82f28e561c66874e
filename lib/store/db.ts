import Dexie, { type EntityTable, type Table } from 'dexie';

/**
 * Customers are packed into segments of up to SEGMENT_SIZE records: IndexedDB's cost is per record, not per byte
 * (see README, "Local store"). Each customer is kept as a JSON string beside its id, version and lookup keys, so a
 * read parses only the customers it returns. Segments are found through the key index (key-index.ts); an updated
 * customer may briefly have a superseded copy in an older segment (copies.ts).
 */
export interface Segment {
  seg?: number;
  ids: string[];
  versions: number[];
  /** Per customer: its lookup keys joined by KEY_SEPARATOR. */
  keysOf: string[];
  docs: string[];
}

/** A block of one sorted run of the key index (see key-index.ts). */
export interface KeyBlock {
  run: number;
  /** Lower bound of the keys this block may hold (up to the next block's): fixed for the run's life. */
  first: string;
  keys: string[];
  segs: number[];
  /** Per entry: the customer version for id keys, 0 for the others. */
  versions: number[];
}

export interface IndexState {
  key: 'index';
  runs: { id: number; entries: number }[];
  nextRun: number;
  /** The highest id key ever indexed: a page whose ids are all above it holds only new customers. */
  maxIdKey?: string;
}

export const KEY_SEPARATOR = '\u0001';

export interface QuarantinedRecord {
  id: string;
  reason: string;
  receivedAt: string;
  raw: string;
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

/** The ids one page of a resync carried, whatever became of them. */
export interface ResyncSeen {
  page?: number;
  ids: string[];
}

export type MetaRow = SyncCheckpoint | IndexState | StaleSegments | ResyncState;

export const SEGMENT_SIZE = 25;

export class ReconnuDb extends Dexie {
  segments!: EntityTable<Segment, 'seg'>;
  keyBlocks!: Table<KeyBlock, [number, string]>;
  meta!: Table<MetaRow, string>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  resyncSeen!: EntityTable<ResyncSeen, 'page'>;

  constructor(name = 'reconnu') {
    super(name);
    this.version(1).stores({
      segments: '++seg',
      keyBlocks: '[run+first]',
      meta: 'key',
      quarantine: 'id, receivedAt',
      resyncSeen: '++page',
    });
  }
}

export const emptyCheckpoint: SyncCheckpoint = { key: 'checkpoint', cursor: null, customers: 0, lastSuccessAt: null };

export async function readCheckpoint(db: ReconnuDb): Promise<SyncCheckpoint> {
  return ((await db.meta.get('checkpoint')) as SyncCheckpoint | undefined) ?? emptyCheckpoint;
}

export async function readIndexState(db: ReconnuDb): Promise<IndexState> {
  return ((await db.meta.get('index')) as IndexState | undefined) ?? { key: 'index', runs: [], nextRun: 1 };
}

export async function readStaleSegments(db: ReconnuDb): Promise<StaleSegments> {
  return ((await db.meta.get('stale')) as StaleSegments | undefined) ?? { key: 'stale', segs: [] };
}

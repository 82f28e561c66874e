import Dexie, { type EntityTable } from 'dexie';
import type { Customer } from '../feed/schema';

/**
 * Customers are packed into segments of up to SEGMENT_SIZE records, each segment indexing every lookup key of
 * its customers in one multiEntry index. IndexedDB's cost is per record, not per byte, so packing is what makes
 * a 100k-customer sync take seconds instead of a minute (see README, "Local store"). Each customer is kept as a
 * JSON string beside its id, version and keys: cloning a few strings is far cheaper than cloning an object graph,
 * and a read parses only the customers it returns.
 */
export interface Segment {
  seg?: number;
  ids: string[];
  versions: number[];
  /** Per customer: its lookup keys joined by KEY_SEPARATOR. */
  keysOf: string[];
  docs: string[];
  /** Union of keysOf, indexed (multiEntry). */
  keys: string[];
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

export type MetaRow = SyncCheckpoint;

export const SEGMENT_SIZE = 100;

export class ReconnuDb extends Dexie {
  segments!: EntityTable<Segment, 'seg'>;
  meta!: EntityTable<MetaRow, 'key'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;

  constructor(name = 'reconnu') {
    super(name);
    this.version(1).stores({ segments: '++seg, *keys', meta: 'key', quarantine: 'id, receivedAt' });
  }
}

export const emptyCheckpoint: SyncCheckpoint = { key: 'checkpoint', cursor: null, customers: 0, lastSuccessAt: null };

export async function readCheckpoint(db: ReconnuDb): Promise<SyncCheckpoint> {
  return (await db.meta.get('checkpoint')) ?? emptyCheckpoint;
}

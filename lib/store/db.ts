import Dexie, { type EntityTable } from 'dexie';
import type { Customer } from '../feed/schema';

/**
 * Customers are packed into segments of up to SEGMENT_SIZE records, each segment indexing every lookup key of
 * its customers in one multiEntry index. IndexedDB's cost is per record, not per byte, so packing is what makes
 * a 100k-customer sync take seconds instead of a minute (see README, "Local store").
 */
export interface Segment {
  seg?: number;
  customers: Customer[];
  keys: string[];
}

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

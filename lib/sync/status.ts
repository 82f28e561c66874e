import { storage } from 'wxt/utils/storage';

/** Published by the background after every page; pages and the popup watch it to show progress. */
export interface SyncStatus {
  state: 'idle' | 'syncing' | 'retrying' | 'offline' | 'error';
  customers: number;
  /** Changes applied in the current run, and the total when the feed tells how many remain. */
  done: number;
  total: number | null;
  lastSuccessAt: string | null;
  message: string | null;
  quarantined: number;
}

export const initialSyncStatus: SyncStatus = {
  state: 'idle',
  customers: 0,
  done: 0,
  total: null,
  lastSuccessAt: null,
  message: null,
  quarantined: 0,
};

export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: initialSyncStatus });

import { storage } from 'wxt/utils/storage';

/** Published by the background after every page; pages and the popup watch it to show progress. */
export interface SyncStatus {
  /** 'disconnected': no source with its credentials is configured (first run, signed out), so nothing can be up to date. */
  state: 'disconnected' | 'idle' | 'syncing' | 'retrying' | 'offline' | 'error';
  customers: number;
  /** Changes applied in the current run, and the total when the feed tells how many remain. */
  done: number;
  total: number | null;
  lastSuccessAt: string | null;
  /** What went wrong, in English (logs, tests); `notice` says the same in a form each language can word. */
  message: string | null;
  notice?: SyncNotice;
  quarantined: number;
}

export type SyncNotice =
  /** `source`: the platform the data comes from (connectors/registry.ts label); absent for the Reconnu feed. */
  | { code: 'unreachable' | 'badData'; source?: string }
  | {
      code: 'cursorReset' | 'quota' | 'storage' | 'noFeed' | 'signedOut' | 'revoked' | 'locked' | 'other';
    }
  | { code: 'http'; status: number; source?: string }
  /** A new empowerment policy failed verification; the last valid one stays in force. */
  | { code: 'policyRefused'; reason: string; kept: string | null }
  /** The feed served a policy signed before one already accepted (a replay): `kept` stays in force, if any. */
  | { code: 'policyOlderRefused'; kept: string | null }
  | { code: 'policyNoKey' };

/** The notice for a failed feed call: offline, a malformed answer (HTTP 200), or an HTTP status. */
export function feedNotice(failure: { offline: boolean; status: number | null }): SyncNotice {
  if (failure.offline) return { code: 'unreachable' };
  if (failure.status === 200) return { code: 'badData' };
  return failure.status ? { code: 'http', status: failure.status } : { code: 'other' };
}

export const initialSyncStatus: SyncStatus = {
  state: 'disconnected',
  customers: 0,
  done: 0,
  total: null,
  lastSuccessAt: null,
  message: null,
  quarantined: 0,
};

export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: initialSyncStatus });

/** Names the platform in the notices about reaching it, so "Vendure answered 401" does not read "the feed". */
export function namingSource(status: SyncStatus, source: string | null): SyncStatus {
  const notice = status.notice;
  if (!source || !notice || !['unreachable', 'badData', 'http'].includes(notice.code)) return status;
  return { ...status, notice: { ...notice, source } as SyncNotice };
}

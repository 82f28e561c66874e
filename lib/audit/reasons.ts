import { open, type Sealed, seal } from '../store';
import type { AuditEntry } from './chain';

/**
 * An audit entry as stored. A reveal's reason is free text an agent typed (it may name the customer or hold their
 * phone), so it is kept sealed under the local store's data key, never in clear; the chain's hash is over the clear
 * text, which the feed receives and checks.
 */
export type StoredAuditEntry = Omit<AuditEntry, 'reason'> & { sealedReason?: Sealed };

/** Binds a sealed reason to its entry: moved to another entry, it no longer opens. */
const reasonContext = (entry: Pick<AuditEntry, 'device' | 'seq'>) => `audit-reason/${entry.device}/${entry.seq}`;

export async function sealReason(entry: AuditEntry, key: () => CryptoKey): Promise<StoredAuditEntry> {
  const { reason, ...rest } = entry;
  if (reason === undefined) return rest;
  return { ...rest, sealedReason: await seal(key(), reason, reasonContext(entry)) };
}

/** The entry as chained, its reason opened; rejects when the key is missing or is not the one it was sealed with. */
export async function openReason(stored: StoredAuditEntry, key: () => CryptoKey): Promise<AuditEntry> {
  const { sealedReason, ...rest } = stored;
  if (!sealedReason) return rest;
  return { ...rest, reason: await open<string>(key(), sealedReason, reasonContext(stored)) };
}

export const hasSealedReason = (stored: StoredAuditEntry) => stored.sealedReason !== undefined;

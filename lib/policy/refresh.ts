import { storage } from 'wxt/utils/storage';
import { type FeedConfig, fetchPolicyToken } from '../feed/client';
import type { SyncNotice } from '../sync/status';
import type { Policy } from './schema';
import { policyAudience, verifyPolicy } from './verify';

/** The last policy that passed verification; kept when a newer one is refused. */
export interface StoredPolicy {
  policy: Policy;
  /** When it was signed (`iat`). */
  issuedAt: string;
  verifiedAt: string;
}

export const policyItem = storage.defineItem<StoredPolicy | null>('local:policy', { fallback: null });

/**
 * The newest `iat` accepted from each feed origin. Kept apart from the policy so that it outlives a sign-out (which
 * forgets the policy and its roster): a replay served right after the next sign-in is still recognized. It says
 * nothing about the team, only when the feed last signed a policy.
 */
const newestIssuedItem = storage.defineItem<Record<string, string>>('local:policyNewestIssued', { fallback: {} });

/** The outcome of the last policy check, for the options page and the panel (null: nothing to say). */
export interface PolicyStatus {
  checkedAt: string;
  notice: SyncNotice | null;
  /** The refusal in English (logs, tests). */
  error: string | null;
}

export const policyStatusItem = storage.defineItem<PolicyStatus | null>('local:policyStatus', { fallback: null });

/**
 * Fetches `GET {feed}/v1/policy` and keeps it only if the administrator's key verifies it and it was signed no
 * earlier than any policy already accepted from that feed. A refused policy leaves the last valid one in force, with
 * a notice saying why; an unreachable feed changes nothing.
 */
export async function refreshPolicy(config: FeedConfig, publicKey: string, now = new Date()): Promise<void> {
  const checkedAt = now.toISOString();
  if (!publicKey.trim()) {
    await policyStatusItem.setValue({ checkedAt, notice: { code: 'policyNoKey' }, error: 'No policy public key.' });
    return;
  }
  let token: string;
  try {
    token = await fetchPolicyToken(config);
  } catch {
    return; // offline, or a feed without policies: the sync says what is wrong with the feed
  }
  const verified = await verifyPolicy(token, { publicKey, feedUrl: config.feedUrl, now });
  const kept = await policyItem.getValue();
  const still = kept && now < new Date(kept.policy.validUntil) ? kept.policy.id : null;
  const audience = policyAudience(config.feedUrl);
  const newest = await newestIssuedItem.getValue();
  const newestHere = newest[audience];
  if (verified.ok && newestHere && verified.issuedAt < newestHere) {
    // Signed before a policy already accepted from this feed: an old token served again (a replay, or a stale cache)
    // must not bring back limits the administrator has since replaced. The same second is the same issue: accepted.
    await policyStatusItem.setValue({
      checkedAt,
      notice: { code: 'policyOlderRefused', kept: still },
      error: `A policy signed at ${verified.issuedAt}, before one already accepted (${newestHere}), was refused.`,
    });
    return;
  }
  if (verified.ok) {
    await policyItem.setValue({ policy: verified.policy, issuedAt: verified.issuedAt, verifiedAt: checkedAt });
    await newestIssuedItem.setValue({ ...newest, [audience]: verified.issuedAt });
    await policyStatusItem.setValue({ checkedAt, notice: null, error: null });
    return;
  }
  await policyStatusItem.setValue({
    checkedAt,
    notice: { code: 'policyRefused', reason: verified.error, kept: still },
    error: verified.error,
  });
}

/** The policy in force now, or null (none verified yet, or the kept one has expired). */
export async function policyInForce(now = new Date()): Promise<Policy | null> {
  const stored = await policyItem.getValue();
  if (!stored || now >= new Date(stored.policy.validUntil)) return null;
  return stored.policy;
}

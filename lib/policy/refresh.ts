import { storage } from 'wxt/utils/storage';
import { type FeedConfig, fetchPolicyToken } from '../feed/client';
import type { SyncNotice } from '../sync/status';
import type { Policy } from './schema';
import { policyAudience, verifyPolicy } from './verify';

/** The last policy that passed verification; kept when a newer one is refused. */
export interface StoredPolicy {
  policy: Policy;
  /** When it was signed (`iat`): a policy signed before it is a replay and is refused. */
  issuedAt: string;
  /** The feed origin it was issued for: another feed's policies are not ordered against it. */
  audience: string;
  verifiedAt: string;
}

export const policyItem = storage.defineItem<StoredPolicy | null>('local:policy', { fallback: null });

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
 * earlier than the one in force. A refused policy leaves the last valid one in force, with a notice saying why; an
 * unreachable feed changes nothing.
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
  const audience = policyAudience(config.feedUrl);
  if (verified.ok && kept && kept.audience === audience && verified.issuedAt < kept.issuedAt) {
    // Signed before the policy in force: an old token served again (a replay, or a stale cache) must not bring back
    // limits the administrator has since replaced. A policy signed in the same second is the same issue: accepted.
    await policyStatusItem.setValue({
      checkedAt,
      notice: { code: 'policyOlderRefused', kept: kept.policy.id },
      error: `A policy signed at ${verified.issuedAt}, before the one in force (${kept.issuedAt}), was refused.`,
    });
    return;
  }
  if (verified.ok) {
    await policyItem.setValue({
      policy: verified.policy,
      issuedAt: verified.issuedAt,
      audience,
      verifiedAt: checkedAt,
    });
    await policyStatusItem.setValue({ checkedAt, notice: null, error: null });
    return;
  }
  const still = kept && now < new Date(kept.policy.validUntil) ? kept.policy.id : null;
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

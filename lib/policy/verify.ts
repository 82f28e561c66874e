import { errors, importJWK, importSPKI, type JWK, type JWTPayload, jwtVerify } from 'jose';
import { type Policy, policySchema } from './schema';

// A policy travels as a compact JWS (ES256) whose JWT payload is { iat, aud, nbf?, exp, policy }. The extension
// accepts it only if the administrator's public key verifies it, it was issued for the feed it came from, its times
// are valid and the policy itself is in force.

/**
 * How far the browser's clock may disagree with the signer's. Agents' laptops drift, sleep and resync: without a
 * margin a policy signed seconds ago reads "not valid yet" and one about to expire dies early, leaving agents with
 * no policy at all. Five minutes covers ordinary drift while a replayed or expired token stays refused.
 */
export const CLOCK_TOLERANCE_SECONDS = 300;

export type VerifiedPolicy = { ok: true; policy: Policy; issuedAt: string } | { ok: false; error: string };

export interface PolicyCheck {
  /** The administrator's ES256 public key, as a JWK (JSON) or an SPKI PEM. */
  publicKey: string;
  /** The feed the token was fetched from: the token's `aud` must be its origin, so one feed's policy cannot be served by another. */
  feedUrl: string;
  now?: Date;
}

/** The audience a feed's policy must name: the feed URL's origin ("https://feed.example.com"). */
export function policyAudience(feedUrl: string): string {
  return new URL(feedUrl).origin;
}

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;

/** Imports an ES256 public key given as a JWK (JSON) or an SPKI PEM. */
export async function importPolicyKey(text: string): Promise<VerificationKey> {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JWK;
      if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || 'd' in jwk) throw new Error('not a P-256 public key');
      return await importJWK(jwk, 'ES256');
    }
    return await importSPKI(trimmed, 'ES256');
  } catch (error) {
    throw new PolicyKeyError(
      `The policy public key is not a valid ES256 (P-256) public key: ${(error as Error).message}.`,
    );
  }
}

export class PolicyKeyError extends Error {}

/** Verifies a signed policy. Every failure comes back as a sentence saying what was wrong. */
export async function verifyPolicy(token: string, check: PolicyCheck): Promise<VerifiedPolicy> {
  const { publicKey, feedUrl, now = new Date() } = check;
  if (!publicKey.trim())
    return { ok: false, error: 'No policy public key is configured: the policy cannot be checked.' };
  let key: VerificationKey;
  try {
    key = await importPolicyKey(publicKey);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (typeof token !== 'string' || !/^[\w-]+\.[\w-]*\.[\w-]*$/.test(token.trim())) {
    return { ok: false, error: 'The policy is not a compact JWS (three base64url parts).' };
  }
  let payload: JWTPayload;
  try {
    const verified = await jwtVerify(token.trim(), key, {
      algorithms: ['ES256'],
      currentDate: now,
      // Without `iat` a token cannot be ordered against the one in force, so a replay could not be told apart.
      requiredClaims: ['exp', 'iat'],
      audience: policyAudience(feedUrl),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    payload = verified.payload;
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
  const issuedAt = Number(payload.iat) * 1000;
  // A token dated in the future would outrank every later policy until that date comes.
  if (issuedAt > now.getTime() + CLOCK_TOLERANCE_SECONDS * 1000) {
    return { ok: false, error: 'The signed policy is issued in the future (its "iat" is ahead of this clock).' };
  }
  const parsed = policySchema.safeParse(payload.policy);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `The signed policy is malformed: ${issue?.path.join('.') || 'policy'}: ${issue?.message}.`,
    };
  }
  const policy = parsed.data;
  if (hasEnded(policy, now)) {
    return { ok: false, error: `The policy "${policy.id}" expired on ${policy.validUntil}.` };
  }
  return { ok: true, policy, issuedAt: new Date(issuedAt).toISOString() };
}

/** Whether the policy's own `validUntil` is past, by more than the clock tolerance. */
function hasEnded(policy: Pick<Policy, 'validUntil'>, now: Date): boolean {
  return now.getTime() >= Date.parse(policy.validUntil) + CLOCK_TOLERANCE_SECONDS * 1000;
}

function describe(error: unknown): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The policy signature does not match the configured public key (tampered with, or signed with another key).';
  }
  if (error instanceof errors.JWTExpired) return 'The signed policy has expired (its "exp" is past).';
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return 'The policy is not signed with ES256 (unsigned or another algorithm): refused.';
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The signed policy is not valid yet (its "nbf" is in the future).';
    if (error.claim === 'exp') return 'The signed policy has no expiry ("exp"): refused.';
    if (error.claim === 'iat') return 'The signed policy has no issue date ("iat"): refused.';
    if (error.claim === 'aud') {
      return 'The signed policy was not issued for this feed (its "aud" is missing or names another origin).';
    }
    return `The signed policy has an invalid "${error.claim}" claim.`;
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return 'The policy is not a well-formed signed token.';
  }
  return `The policy could not be verified: ${(error as Error).message}.`;
}

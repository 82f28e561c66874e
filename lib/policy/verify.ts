import { errors, importJWK, importSPKI, type JWK, jwtVerify } from 'jose';
import { type Policy, policySchema } from './schema';

// A policy travels as a compact JWS (ES256) whose JWT payload is { iat, nbf?, exp, policy }. The extension accepts it
// only if the administrator's public key verifies it, its times are valid and the policy itself is in force.

export type VerifiedPolicy = { ok: true; policy: Policy; issuedAt: string | null } | { ok: false; error: string };

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
export async function verifyPolicy(token: string, publicKey: string, now = new Date()): Promise<VerifiedPolicy> {
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
  let payload: Record<string, unknown>;
  try {
    const verified = await jwtVerify(token.trim(), key, {
      algorithms: ['ES256'],
      currentDate: now,
      requiredClaims: ['exp'],
    });
    payload = verified.payload;
  } catch (error) {
    return { ok: false, error: describe(error) };
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
  if (now >= new Date(policy.validUntil)) {
    return { ok: false, error: `The policy "${policy.id}" expired on ${policy.validUntil}.` };
  }
  const issuedAt = typeof payload.iat === 'number' ? new Date(payload.iat * 1000).toISOString() : null;
  return { ok: true, policy, issuedAt };
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
    return `The signed policy has an invalid "${error.claim}" claim.`;
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return 'The policy is not a well-formed signed token.';
  }
  return `The policy could not be verified: ${(error as Error).message}.`;
}

// The signed policy GET /v1/policy answers: a compact JWS (ES256, typ JWT) of { iat, aud, exp, policy }, as the
// reference feed issues it and lib/policy/verify.ts checks it.
import { SignJWT } from 'jose';
import type { Policy } from '../../lib/policy/schema';
import type { PolicySigningKey } from './signing-key';

const DAY_MS = 86_400_000;
/** A token outlives no policy, and lasts at most this long: clients fetch a fresh one at every sync. */
const LONGEST_TOKEN_MS = 30 * DAY_MS;

export interface PolicyTokenInput {
  policy: Policy;
  /** The origin the client reached the hub at ("https://hub.example.com"). */
  audience: string;
  key: PolicySigningKey;
  now?: Date;
}

export function signPolicyToken({ policy, audience, key, now = new Date() }: PolicyTokenInput): Promise<string> {
  const expiresAt = Math.min(Date.parse(policy.validUntil), now.getTime() + LONGEST_TOKEN_MS);
  return new SignJWT({ policy })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setAudience(audience)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign(key.privateKey);
}

// The feed's empowerment policy: a demo policy, signed as a compact JWS (ES256) with a key pair generated at start (or
// given) for the feed's own origin (`aud`), and a control to replace it or serve a tampered, expired or arbitrary token
// (tests and demo).
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { type Policy, policySchema } from '../../lib/policy/schema';

const DAY = 86_400_000;

/** The demo policy: agents, store staff and supervisors of the reference feed's users, valid for a year from now. */
export function demoPolicy(now = new Date()): Policy {
  const people = [
    { id: 'usr_lea', name: 'Léa Martin', role: 'agent' },
    { id: 'usr_hugo', name: 'Hugo Bernard', role: 'store' },
    { id: 'usr_camille', name: 'Camille Roux', role: 'supervisor' },
  ];
  const monthly = (limit: { count?: number; total?: number }) => ({ days: 30, ...limit });
  return policySchema.parse({
    version: 1,
    id: 'demo-2026',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    rates: { GBP: 1.17, USD: 0.92, CHF: 1.05 },
    validFrom: new Date(now.getTime() - DAY).toISOString(),
    validUntil: new Date(now.getTime() + 365 * DAY).toISOString(),
    people,
    rules: [
      {
        id: 'agent-goodwill',
        who: { roles: ['agent'] },
        gesture: 'goodwill',
        maxPerGesture: 3000,
        approvalUpTo: 15000,
        perCustomer: monthly({ total: 5000 }),
        perAgentPerDay: { total: 20000 },
      },
      {
        id: 'store-goodwill',
        who: { roles: ['store'] },
        gesture: 'goodwill',
        maxPerGesture: 1500,
        approvalUpTo: 5000,
        perCustomer: monthly({ total: 3000 }),
      },
      {
        id: 'discount',
        who: { roles: ['agent', 'store'] },
        gesture: 'discount',
        maxPerGesture: 10,
        approvalUpTo: 20,
        perCustomer: monthly({ count: 1 }),
      },
      {
        id: 'loyal-discount',
        who: { roles: ['agent'] },
        gesture: 'discount',
        maxPerGesture: 20,
        approvalUpTo: 30,
        perCustomer: monthly({ count: 2 }),
        when: { tiers: ['gold', 'platinum'], consent: true },
      },
      {
        id: 'free-shipping',
        who: { roles: ['agent', 'store'] },
        gesture: 'freeShipping',
        maxPerGesture: 1,
        perCustomer: monthly({ count: 2 }),
      },
      {
        id: 'influencer-express',
        who: { roles: ['agent'] },
        gesture: 'expressShipping',
        maxPerGesture: 1,
        perCustomer: monthly({ count: 1 }),
        when: { segments: ['connector', 'maven'], consent: true },
      },
      {
        id: 'return-extension',
        who: { roles: ['agent', 'store'] },
        gesture: 'returnExtension',
        maxPerGesture: 30,
        approvalUpTo: 60,
      },
      {
        id: 'replacement',
        who: { roles: ['agent'] },
        gesture: 'replacement',
        maxPerGesture: 1,
        perAgentPerDay: { count: 3 },
        approvalUpTo: 1,
      },
      {
        id: 'valued-refund',
        who: { roles: ['agent'] },
        gesture: 'refund',
        maxPerGesture: 10000,
        approvalUpTo: 50000,
        when: { minLifetimeValue: 50000 },
      },
      ...(
        ['goodwill', 'discount', 'freeShipping', 'expressShipping', 'returnExtension', 'replacement', 'refund'] as const
      ).map((gesture) => ({
        id: `supervisor-${gesture}`,
        who: { roles: ['supervisor', 'admin'] },
        gesture,
        maxPerGesture:
          gesture === 'discount'
            ? 50
            : gesture === 'returnExtension'
              ? 90
              : gesture.endsWith('hipping') || gesture === 'replacement'
                ? 1
                : 50000,
        perAgentPerDay: gesture === 'goodwill' || gesture === 'refund' ? { total: 200000 } : undefined,
      })),
    ],
  });
}

export type PolicyServing =
  | { mode: 'signed' }
  /** The signed token with its payload altered after signing (the signature no longer matches). */
  | { mode: 'tampered' }
  /** Signed, but with an `exp` in the past. */
  | { mode: 'expired' }
  /** Whatever string the test gives (garbage, alg none, another key's token). */
  | { mode: 'raw'; token: string };

export interface PolicyPublisher {
  /** The public key, as a JWK JSON string (paste it in the options page, or managed `policyPublicKey`). */
  publicKey: string;
  /** The signing key (JWK), to restart a server with the same identity (tests of offline time). */
  privateJwk: JWK;
  current(): Policy;
  replace(policy: Policy): void;
  serve(serving: PolicyServing): void;
  /** The token GET /v1/policy answers with, issued for `audience` (the feed's origin, as clients reach it). */
  token(audience: string): Promise<string>;
}

export async function createPolicyPublisher(
  options: { privateJwk?: JWK; policy?: Policy } = {},
): Promise<PolicyPublisher> {
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let privateJwk: JWK;
  if (options.privateJwk) {
    privateJwk = options.privateJwk;
    privateKey = (await importJWK(options.privateJwk, 'ES256')) as CryptoKey;
    const { d: _d, ...rest } = options.privateJwk;
    publicJwk = rest;
  } else {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    privateJwk = await exportJWK(pair.privateKey);
    publicJwk = await exportJWK(pair.publicKey);
  }
  let policy = options.policy ?? demoPolicy();
  let serving: PolicyServing = { mode: 'signed' };
  const sign = (audience: string, expiresAt: Date) =>
    new SignJWT({ policy })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(privateKey);
  return {
    publicKey: JSON.stringify({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y }),
    privateJwk,
    current: () => policy,
    replace(next) {
      policy = policySchema.parse(next);
    },
    serve(next) {
      serving = next;
    },
    async token(audience) {
      if (serving.mode === 'raw') return serving.token;
      // Expired beyond the clients' clock tolerance (verify.ts), so that it is refused whatever their clock says.
      if (serving.mode === 'expired') return sign(audience, new Date(Date.now() - 3_600_000));
      const token = await sign(audience, new Date(Math.min(Date.parse(policy.validUntil), Date.now() + 30 * DAY)));
      if (serving.mode === 'signed') return token;
      const [head, payload, signature] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      claims.policy.rules = claims.policy.rules.map((rule: { maxPerGesture: number }) => ({
        ...rule,
        maxPerGesture: 1_000_000,
      }));
      return `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    },
  };
}

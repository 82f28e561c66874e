import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Policy, policySchema } from './schema';
import { verifyPolicy } from './verify';

const policy: Policy = policySchema.parse({
  version: 1,
  id: 'pol_sig',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  validFrom: '2026-01-01T00:00:00Z',
  validUntil: '2027-01-01T00:00:00Z',
  people: [],
  rules: [{ id: 'r', who: { roles: ['agent'] }, gesture: 'goodwill', maxPerGesture: 3000 }],
});
const NOW = new Date('2026-11-20T10:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let keys: Keys;
let other: Keys;
let jwk: string;
let pem: string;

const sign = (body: Record<string, unknown>, key = keys.privateKey, exp = seconds(NOW) + 3600) =>
  new SignJWT(body).setProtectedHeader({ alg: 'ES256' }).setIssuedAt(seconds(NOW)).setExpirationTime(exp).sign(key);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  keys = await generateKeyPair('ES256', { extractable: true });
  other = await generateKeyPair('ES256', { extractable: true });
  jwk = JSON.stringify(await exportJWK(keys.publicKey));
  pem = await exportSPKI(keys.publicKey);
});

describe('signed policy verification', () => {
  it('accepts a policy signed with the configured key, as a JWK or a PEM', async () => {
    const token = await sign({ policy });
    expect(await verifyPolicy(token, jwk, NOW)).toMatchObject({ ok: true, policy: { id: 'pol_sig' } });
    expect(await verifyPolicy(token, pem, NOW)).toMatchObject({ ok: true });
  });

  it.each([
    [
      'a tampered payload',
      async () => {
        const [head, , signature] = (await sign({ policy })).split('.');
        const raised = { ...policy, rules: [{ ...policy.rules[0], maxPerGesture: 999_999 }] };
        return `${head}.${b64({ policy: raised, exp: seconds(NOW) + 3600 })}.${signature}`;
      },
      /signature does not match/,
    ],
    ['a wrong key', () => sign({ policy }, other.privateKey), /signature does not match/],
    ['an expired token', () => sign({ policy }, keys.privateKey, seconds(NOW) - 60), /has expired/],
    [
      'a token without exp',
      () => new SignJWT({ policy }).setProtectedHeader({ alg: 'ES256' }).sign(keys.privateKey),
      /no expiry/,
    ],
    [
      'a token not valid yet',
      () =>
        new SignJWT({ policy })
          .setProtectedHeader({ alg: 'ES256' })
          .setNotBefore(seconds(NOW) + 600)
          .setExpirationTime(seconds(NOW) + 3600)
          .sign(keys.privateKey),
      /not valid yet/,
    ],
    [
      'an expired policy in a fresh token',
      () => sign({ policy: { ...policy, validUntil: '2026-11-01T00:00:00Z' } }),
      /expired on 2026-11-01/,
    ],
    [
      'alg none',
      async () => `${b64({ alg: 'none' })}.${b64({ policy, exp: seconds(NOW) + 3600 })}.`,
      /not signed with ES256|not a well-formed/,
    ],
    [
      'HS256 keyed with the public key',
      async () => {
        const secret = new TextEncoder().encode(jwk);
        return new SignJWT({ policy })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(seconds(NOW) + 3600)
          .sign(secret);
      },
      /not signed with ES256/,
    ],
    ['garbage', async () => 'not a token at all', /not a compact JWS/],
    ['base64 garbage', async () => 'aaaa.bbbb.cccc', /not a well-formed/],
    [
      'a signed but malformed policy',
      () => sign({ policy: { ...policy, timeZone: 'Mars/Olympus' } }),
      /malformed: timeZone/,
    ],
    ['a signed token without a policy', () => sign({ hello: 'world' }), /malformed/],
  ] as [string, () => Promise<string>, RegExp][])('refuses %s', async (_, make, message) => {
    const result = await verifyPolicy(await make(), jwk, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it.each([
    ['no key', '', /No policy public key/],
    ['a private key', 'PRIVATE', /not a valid ES256/],
    ['a key of another curve', JSON.stringify({ kty: 'EC', crv: 'P-384', x: 'a', y: 'b' }), /not a valid ES256/],
    ['garbage', '-----BEGIN PUBLIC KEY-----\nxyz\n-----END PUBLIC KEY-----', /not a valid ES256/],
  ])('refuses %s as the public key', async (_, key, message) => {
    const result = await verifyPolicy(
      await sign({ policy }),
      key === 'PRIVATE' ? JSON.stringify(await exportJWK(keys.privateKey)) : key,
      NOW,
    );
    expect(!result.ok && result.error).toMatch(message);
  });
});

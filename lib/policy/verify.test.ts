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
const FEED = 'https://feed.example.com/reconnu/';
const AUDIENCE = 'https://feed.example.com';
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const check = (publicKey: string, now = NOW) => ({ publicKey, feedUrl: FEED, now });

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let keys: Keys;
let other: Keys;
let jwk: string;
let pem: string;

const sign = (body: Record<string, unknown>, key = keys.privateKey, exp = seconds(NOW) + 3600) =>
  new SignJWT(body)
    .setProtectedHeader({ alg: 'ES256' })
    .setAudience(AUDIENCE)
    .setIssuedAt(seconds(NOW))
    .setExpirationTime(exp)
    .sign(key);
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
    expect(await verifyPolicy(token, check(jwk))).toMatchObject({
      ok: true,
      policy: { id: 'pol_sig' },
      issuedAt: NOW.toISOString(),
    });
    expect(await verifyPolicy(token, check(pem))).toMatchObject({ ok: true });
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
    ['an expired token', () => sign({ policy }, keys.privateKey, seconds(NOW) - 3600), /has expired/],
    [
      'a token without exp',
      () =>
        new SignJWT({ policy })
          .setProtectedHeader({ alg: 'ES256' })
          .setAudience(AUDIENCE)
          .setIssuedAt(seconds(NOW))
          .sign(keys.privateKey),
      /no expiry/,
    ],
    [
      'a token without iat',
      () =>
        new SignJWT({ policy })
          .setProtectedHeader({ alg: 'ES256' })
          .setAudience(AUDIENCE)
          .setExpirationTime(seconds(NOW) + 3600)
          .sign(keys.privateKey),
      /no issue date/,
    ],
    [
      'a token not valid yet',
      () =>
        new SignJWT({ policy })
          .setProtectedHeader({ alg: 'ES256' })
          .setAudience(AUDIENCE)
          .setIssuedAt(seconds(NOW))
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
    const result = await verifyPolicy(await make(), check(jwk));
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
      check(key === 'PRIVATE' ? JSON.stringify(await exportJWK(keys.privateKey)) : key),
    );
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('signed policy audience and clock tolerance', () => {
  const signed = (claims: { audience?: string; issuedAt?: Date; notBefore?: Date; expiresAt?: Date }) => {
    const jwt = new SignJWT({ policy }).setProtectedHeader({ alg: 'ES256' });
    if (claims.audience !== undefined) jwt.setAudience(claims.audience);
    if (claims.notBefore) jwt.setNotBefore(seconds(claims.notBefore));
    return jwt
      .setIssuedAt(seconds(claims.issuedAt ?? NOW))
      .setExpirationTime(seconds(claims.expiresAt ?? new Date(NOW.getTime() + 3_600_000)))
      .sign(keys.privateKey);
  };
  const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

  it('accepts a policy issued for the feed origin, whatever the feed path', async () => {
    const token = await signed({ audience: AUDIENCE });
    expect(await verifyPolicy(token, check(jwk))).toMatchObject({ ok: true });
    const other = { publicKey: jwk, feedUrl: 'https://feed.example.com', now: NOW };
    expect(await verifyPolicy(token, other)).toMatchObject({ ok: true });
  });

  it.each([
    ['without an audience', undefined],
    ['for another feed', 'https://other-feed.example.com'],
    ['for another port of the same host', 'https://feed.example.com:8443'],
    ['for the same host over http', 'http://feed.example.com'],
    ['for a path rather than an origin', 'https://feed.example.com/reconnu/'],
  ])('refuses a policy issued %s', async (_, audience) => {
    const result = await verifyPolicy(await signed({ audience }), check(jwk));
    expect(!result.ok && result.error).toMatch(/not issued for this feed/);
  });

  it.each([
    ['expired 4 minutes ago', { expiresAt: minutes(-4) }],
    ['valid from 4 minutes ahead', { notBefore: minutes(4) }],
    ['issued 4 minutes ahead', { issuedAt: minutes(4), notBefore: minutes(4) }],
  ])('tolerates a clock off by less than 5 minutes: %s', async (_, times) => {
    expect(await verifyPolicy(await signed({ audience: AUDIENCE, ...times }), check(jwk))).toMatchObject({
      ok: true,
    });
  });

  it('tolerates a policy whose own validity ended less than 5 minutes ago', async () => {
    const ending = { ...policy, validUntil: minutes(-4).toISOString() };
    const token = await sign({ policy: ending });
    expect(await verifyPolicy(token, check(jwk))).toMatchObject({ ok: true });
    const later = await verifyPolicy(token, check(jwk, minutes(2)));
    expect(!later.ok && later.error).toMatch(/expired on/);
  });

  it.each([
    ['expired 6 minutes ago', { expiresAt: minutes(-6) }, /has expired/],
    ['valid from 6 minutes ahead', { notBefore: minutes(6) }, /not valid yet/],
    ['issued 6 minutes ahead', { issuedAt: minutes(6) }, /issued in the future/],
  ])('refuses a clock off by more than 5 minutes: %s', async (_, times, message) => {
    const result = await verifyPolicy(await signed({ audience: AUDIENCE, ...times }), check(jwk));
    expect(!result.ok && result.error).toMatch(message);
  });
});

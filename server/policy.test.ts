import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPolicy } from '../lib/policy/verify';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';
import { testPolicy } from './test/policy-fixture';
import { hubPublicKey, sideHub, tokenFrom } from './test/policy-hubs';

const DAY_S = 86_400;

async function policyToken(hub: TestHub, headers: Record<string, string> = {}): Promise<string> {
  const response = await hub.request('/v1/policy', { as: 'agent', headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/jose/);
  return response.text();
}

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`policy on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
    });
    afterAll(() => hub?.close());

    it('answers 404 with a clear message while no policy was ever set', async () => {
      const response = await hub.request('/v1/policy', { as: 'agent' });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'no_policy', message: expect.stringMatching(/policy set/) });
    });

    it('refuses an invalid policy with its first problem, and a non-admin, storing nothing', async () => {
      const policy = testPolicy();
      const invalid = { ...policy, rules: [{ ...policy.rules[0], maxPerGesture: -5 }] };
      const response = await hub.request('/v1/admin/policy', { method: 'PUT', json: invalid });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: 'invalid_policy',
        path: 'rules.0.maxPerGesture',
        message: expect.stringMatching(/^Invalid policy: rules\.0\.maxPerGesture: /),
      });
      const asAgent = await hub.request('/v1/admin/policy', { method: 'PUT', json: policy, as: 'supervisor' });
      expect(asAgent.status).toBe(403);
      expect((await hub.db.query('select 1 from policies')).rows).toHaveLength(0);
    });

    it('keeps every version with who set it; the newest is the one signed, for the right audience only', async () => {
      const first = await hub.request('/v1/admin/policy', { method: 'PUT', json: testPolicy({ id: 'first' }) });
      expect(await first.json()).toMatchObject({ revision: 1, policy: { id: 'first' } });
      const second = await hub.request('/v1/admin/policy', { method: 'PUT', json: testPolicy({ id: 'second' }) });
      const admin = await hub.request('/v1/me').then((response) => response.json());
      expect(await second.json()).toMatchObject({ revision: 2, setBy: admin.id, setAt: expect.any(String) });
      const { rows } = await hub.db.query('select revision, set_by from policies order by revision');
      expect(rows).toEqual([
        { revision: 1, set_by: admin.id },
        { revision: 2, set_by: admin.id },
      ]);

      const token = await policyToken(hub);
      const publicKey = await hubPublicKey(hub);
      const verified = await verifyPolicy(token, { publicKey, feedUrl: `${hub.hub.url}/` });
      expect(verified).toMatchObject({ ok: true, policy: { id: 'second' } });
      const elsewhere = await verifyPolicy(token, { publicKey, feedUrl: 'https://other-hub.example.com' });
      expect(elsewhere).toMatchObject({ ok: false, error: expect.stringMatching(/not issued for this feed/) });
    });

    it('issues { iat, aud, exp, policy } with typ JWT, expiring with the policy or in 30 days at most', async () => {
      const soon = new Date(Date.now() + 3 * DAY_S * 1000).toISOString();
      await hub.request('/v1/admin/policy', { method: 'PUT', json: testPolicy({ id: 'short', validUntil: soon }) });
      const short = decodeJwt(await policyToken(hub));
      expect(Object.keys(short).sort()).toEqual(['aud', 'exp', 'iat', 'policy']);
      expect(short.exp).toBe(Math.floor(Date.parse(soon) / 1000));
      await hub.request('/v1/admin/policy', { method: 'PUT', json: testPolicy({ id: 'long' }) });
      const token = await policyToken(hub);
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT' });
      const long = decodeJwt(token);
      expect(long.aud).toBe(hub.hub.url);
      expect(Number(long.exp) - Number(long.iat)).toBe(30 * DAY_S);
    });

    it('ignores X-Forwarded-Host and -Proto unless told to trust a proxy', async () => {
      const forwarded = { 'X-Forwarded-Host': 'hub.example.com', 'X-Forwarded-Proto': 'https' };
      expect(decodeJwt(await policyToken(hub, forwarded)).aud).toBe(hub.hub.url);
      const proxied = await sideHub(hub.db, { trustProxy: true });
      try {
        const token = await tokenFrom(proxied.url, hub.tokens.agent, forwarded);
        const feedUrl = 'https://hub.example.com/reconnu';
        expect(await verifyPolicy(token, { publicKey: await hubPublicKey(hub), feedUrl })).toMatchObject({ ok: true });
      } finally {
        await proxied.close();
      }
    });

    it('issues the policy for HUB_PUBLIC_URL alone when it is set, even behind a trusted proxy', async () => {
      const pinned = await sideHub(hub.db, { publicUrl: 'https://hub.example.com/', trustProxy: true });
      try {
        const forwarded = { 'X-Forwarded-Host': 'attacker.example.net', 'X-Forwarded-Proto': 'https' };
        for (const headers of [{}, forwarded] as Record<string, string>[]) {
          expect(decodeJwt(await tokenFrom(pinned.url, hub.tokens.agent, headers)).aud).toBe('https://hub.example.com');
        }
      } finally {
        await pinned.close();
      }
    });
  });
}

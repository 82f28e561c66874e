// The empowerment policy served from the database: versions set by admins, signed with the hub's key for the origin
// the client reached it at, and verified by the extension's own code (lib/policy/verify.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPolicy } from '../lib/policy/verify';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { type RunningHub, type StartHubOptions, startHub } from './hub';
import { policyKeyLoader, publicKeyText } from './policy/signing-key';
import { loadSealer } from './secrets/key';
import { testDatabases } from './test/databases';
import { startTestHub, TEST_ENCRYPTION_KEY, type TestHub } from './test/hub-fixture';
import { testPolicy } from './test/policy-fixture';

const DAY_S = 86_400;

async function hubPublicKey(hub: TestHub): Promise<string> {
  const loader = policyKeyLoader({ db: hub.db, sealer: loadSealer({ key: TEST_ENCRYPTION_KEY }) });
  return publicKeyText(await loader());
}

/** Another hub on the same database and users as `hub` (another process would see the same), with its own options. */
function sideHub(db: Database, options: Partial<StartHubOptions> = {}): Promise<RunningHub> {
  return startHub({
    db,
    host: '127.0.0.1',
    port: 0,
    tombstoneRetentionSeconds: DAY_S,
    maxBodyBytes: 1024 * 1024,
    maxPageSize: 100,
    logLevel: 'silent',
    sealer: loadSealer({ key: TEST_ENCRYPTION_KEY }),
    ...options,
  });
}

async function tokenFrom(url: string, agentToken: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${url}/v1/policy`, { headers: { Authorization: `Bearer ${agentToken}`, ...headers } });
  expect(response.status).toBe(200);
  return response.text();
}

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

    it('signs with the key of HUB_POLICY_KEY_FILE when given, and stops at start on a bad one', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hub-policy-key-'));
      try {
        const keyFile = join(dir, 'policy-key.pem');
        execFileSync('openssl', [
          'genpkey',
          '-algorithm',
          'EC',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-out',
          keyFile,
        ]);
        const publicPem = execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout']).toString();
        const withFile = await sideHub(hub.db, { policyKeyFile: keyFile });
        try {
          const token = await tokenFrom(withFile.url, hub.tokens.agent);
          const feedUrl = withFile.url;
          expect(await verifyPolicy(token, { publicKey: publicPem, feedUrl })).toMatchObject({ ok: true });
          const stored = await verifyPolicy(token, { publicKey: await hubPublicKey(hub), feedUrl });
          expect(stored).toMatchObject({ ok: false, error: expect.stringMatching(/signature does not match/) });
        } finally {
          await withFile.close();
        }
        await expect(sideHub(hub.db, { policyKeyFile: join(dir, 'missing.pem') })).rejects.toThrow(
          /HUB_POLICY_KEY_FILE: no file/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('answers 503 naming what to set when it has no key to seal its own with', async () => {
      const keyless = await sideHub(hub.db, { sealer: loadSealer({}) });
      try {
        const response = await fetch(`${keyless.url}/v1/policy`, {
          headers: { Authorization: `Bearer ${hub.tokens.agent}` },
        });
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({
          error: 'policy_key_unavailable',
          message: expect.stringMatching(/HUB_ENCRYPTION_KEY/),
        });
      } finally {
        await keyless.close();
      }
    });
  });
}

const postgres = testDatabases().find((database) => database.name === 'PostgreSQL');

describe.skipIf(!postgres?.newUrl || postgres.unavailable)('policy key made by two hubs on one PostgreSQL', () => {
  it('is made once: both hubs sign with the same key, stored once, sealed', async () => {
    const url = (await postgres?.newUrl?.()) as string;
    const hub = await startTestHub(await openDatabase({ databaseUrl: url }));
    const otherDb = await openDatabase({ databaseUrl: url });
    const other = await sideHub(otherDb);
    try {
      await hub.request('/v1/admin/policy', { method: 'PUT', json: testPolicy() });
      const tokens = await Promise.all(
        [hub.hub.url, other.url, hub.hub.url, other.url, hub.hub.url, other.url].map((hubUrl) =>
          fetch(`${hubUrl}/v1/policy`, { headers: { Authorization: `Bearer ${hub.tokens.agent}` } }).then((response) =>
            response.text(),
          ),
        ),
      );
      const publicKey = await hubPublicKey(hub);
      for (const [index, token] of tokens.entries()) {
        const feedUrl = index % 2 === 0 ? hub.hub.url : other.url;
        expect(await verifyPolicy(token, { publicKey, feedUrl })).toMatchObject({ ok: true });
      }
      const { rows } = await hub.db.query<{ sealed: string }>(
        "select convert_from(value, 'UTF8') as sealed from hub_secrets where name = 'policy-signing-key'",
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.sealed).toMatch(/^v1\./);
      expect(rows[0]?.sealed).not.toMatch(/"d"/);
    } finally {
      await other.close();
      await otherDb.close();
      await hub.close();
    }
  });
});

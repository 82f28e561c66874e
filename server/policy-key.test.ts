// The policy signing key: from HUB_POLICY_KEY_FILE, or made once and kept sealed in the database whichever hub needs
// it first, and a clear answer when the hub has neither.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPolicy } from '../lib/policy/verify';
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { loadSealer } from './secrets/key';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';
import { testPolicy } from './test/policy-fixture';
import { hubPublicKey, sideHub, tokenFrom } from './test/policy-hubs';

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`policy key on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
      await hub.request('/v1/admin/policy', { method: 'PUT', json: testPolicy() });
    });
    afterAll(() => hub?.close());

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

describe('policy settings', () => {
  it('reads HUB_TRUST_PROXY as a yes or no, and names it when it is neither', () => {
    expect(readConfig({ HUB_TRUST_PROXY: 'TRUE', HUB_POLICY_KEY_FILE: '/etc/hub/policy.pem' })).toMatchObject({
      trustProxy: true,
      policyKeyFile: '/etc/hub/policy.pem',
    });
    expect(readConfig({ HUB_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(readConfig({}).trustProxy).toBe(false);
    expect(() => readConfig({ HUB_TRUST_PROXY: 'maybe' })).toThrow(/HUB_TRUST_PROXY: must be true or false/);
  });
});

// `policy set` and `policy-key` as an administrator runs them: the key printed verifies, with the extension's own
// code, the policy a separately started hub serves, for its origin only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPolicy } from '../lib/policy/verify';
import { openDatabase } from './db/open';
import { testDatabases } from './test/databases';
import { runHub, serveHub } from './test/hub-process';
import { testPolicy } from './test/policy-fixture';

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`policy commands on ${database.name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-policy-cli-'));
    const dataDir = join(dir, 'data');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('sets a policy from a file, prints the key that verifies it as served, and refuses an invalid file', async () => {
      const databaseUrl = await database.newUrl?.();
      const place = { databaseUrl };
      const added = await runHub(place, [
        'user',
        'add',
        '--data',
        dataDir,
        '--email',
        'lea@example.org',
        '--name',
        'Léa',
        '--role',
        'agent',
      ]);
      const token = /^Access token: (\S+)$/m.exec(added.stdout)?.[1] as string;

      const policyFile = join(dir, 'policy.json');
      writeFileSync(policyFile, JSON.stringify(testPolicy({ id: 'from-cli' })));
      expect(await runHub(place, ['policy', 'set', policyFile, '--data', dataDir])).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('Policy "from-cli" set (revision 1)'),
      });
      const invalidFile = join(dir, 'invalid.json');
      writeFileSync(invalidFile, JSON.stringify({ ...testPolicy(), timeZone: 'Mars/Olympus' }));
      expect(await runHub(place, ['policy', 'set', invalidFile, '--data', dataDir])).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('Invalid policy: timeZone: unknown time zone'),
      });

      const printed = await runHub(place, ['policy-key', '--data', dataDir]);
      expect(printed.code).toBe(0);
      const publicKey = printed.stdout.trim();
      expect(Object.keys(JSON.parse(publicKey))).toEqual(['kty', 'crv', 'x', 'y']);

      const hub = await serveHub({ dataDir, databaseUrl });
      try {
        const response = await fetch(`${hub.url}/v1/policy`, { headers: { Authorization: `Bearer ${token}` } });
        const served = await response.text();
        const verified = await verifyPolicy(served, { publicKey, feedUrl: hub.url });
        expect(verified).toMatchObject({ ok: true, policy: { id: 'from-cli' } });
        const replayed = await verifyPolicy(served, { publicKey, feedUrl: 'https://another-hub.example.org' });
        expect(replayed).toMatchObject({ ok: false });
      } finally {
        await hub.stop();
      }
      const db = await openDatabase({ databaseUrl, dataDir });
      try {
        expect((await db.query('select revision, set_by from policies')).rows).toEqual([
          { revision: 1, set_by: 'cli' },
        ]);
      } finally {
        await db.close();
      }
    }, 180_000);
  });
}

// The CLI's black-box contract: `user add` prints a token, `serve` prints the URL once it answers, SIGTERM stops it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from './test/databases';
import { hubEnv, serveHub } from './test/hub-process';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`CLI on ${database.name}`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('adds a user whose token works on /v1/me of the hub it serves, and stops on SIGTERM', {
      timeout: 120_000,
    }, async () => {
      const databaseUrl = await database.newUrl?.();
      const env = hubEnv({ databaseUrl });
      const added = await run(
        'npm',
        [
          'run',
          '-s',
          'hub',
          '--',
          'user',
          'add',
          '--data',
          dataDir,
          '--email',
          'ana@example.org',
          '--name',
          'Ana Lima',
          '--role',
          'store',
          '--store',
          'lyon',
        ],
        { cwd: ROOT, env },
      );
      const token = /^Access token: (\S+)$/m.exec(added.stdout)?.[1];
      expect(token).toMatch(/^rch_[\w-]{43}$/);
      const hub = await serveHub({ dataDir, databaseUrl });
      try {
        const me = await fetch(`${hub.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
        expect(await me.json()).toMatchObject({
          name: 'Ana Lima',
          email: 'ana@example.org',
          role: 'store',
          stores: ['lyon'],
        });
      } finally {
        expect(await hub.stop()).toBe(0);
      }
    });
  });
}

it('names a bad environment variable', async () => {
  const env = hubEnv({ env: { HUB_PORT: 'eighty' } });
  const failed = run('npm', ['run', '-s', 'hub', '--', 'serve', '--data', tmpdir()], { cwd: ROOT, env });
  await expect(failed).rejects.toMatchObject({ stderr: expect.stringContaining('HUB_PORT') });
});

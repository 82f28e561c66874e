// The CLI's user commands: `user list` shows who was added, `token revoke ID` ends a token (the one `user add` printed).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/open';
import { userOfToken } from './people/tokens';
import { testDatabases } from './test/databases';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`CLI user commands on ${database.name}`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-cli-users-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    // Four CLI runs, each starting Node and opening the database.
    it('lists the users added and revokes a token by its id', { timeout: 180_000 }, async () => {
      const databaseUrl = await database.newUrl?.();
      const { DATABASE_URL: _ignored, ...env } = process.env;
      const hub = (...args: string[]) =>
        // What `npm run hub --` runs, without npm's own start-up.
        run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/cli.ts', ...args, '--data', dataDir], {
          cwd: ROOT,
          env: { ...env, HUB_LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
        });
      const added = await hub('user', 'add', '--email', 'lea@example.org', '--name', 'Léa M', '--role', 'agent');
      const token = /^Access token: (\S+)$/m.exec(added.stdout)?.[1] ?? '';
      const tokenId = /^Token id: (tok_\S+)$/m.exec(added.stdout)?.[1] ?? '';
      const listed = await hub('user', 'list');
      expect(listed.stdout).toMatch(/^usr_\S+\tagent\tlea@example\.org\tLéa M$/m);
      const revoked = await hub('token', 'revoke', tokenId);
      expect(revoked.stdout).toContain(`Token ${tokenId} of usr_`);
      await expect(hub('token', 'revoke', 'tok_nothing')).rejects.toMatchObject({
        stderr: expect.stringContaining('No token tok_nothing'),
      });
      const db = await openDatabase({ databaseUrl, dataDir });
      try {
        expect(await userOfToken(db, token)).toBeUndefined();
      } finally {
        await db.close();
      }
    });
  });
}

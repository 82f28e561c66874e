// The CLI's black-box contract: `user add` prints a token, `serve` prints the URL once it answers, SIGTERM stops it.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from './test/databases';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

function hubEnv(databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return { ...env, HUB_LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
}

/**
 * Starts the command `npm run hub -- serve` runs, and resolves with its URL once the line is printed. Without npm in
 * between: npm does not pass SIGTERM on to the script, and the test is that the hub stops cleanly on it.
 */
function serve(args: string[], env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/cli.ts', 'serve', ...args], {
    cwd: ROOT,
    env,
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Hub URL: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}: ${output}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`CLI on ${database.name}`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('adds a user whose token works on /v1/me of the hub it serves, and stops on SIGTERM', async () => {
      const env = hubEnv(await database.newUrl?.());
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
      const { url, child } = await serve(['--port', '0', '--data', dataDir], env);
      try {
        const me = await fetch(`${url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
        expect(await me.json()).toMatchObject({
          name: 'Ana Lima',
          email: 'ana@example.org',
          role: 'store',
          stores: ['lyon'],
        });
      } finally {
        const exited = exitOf(child);
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    });
  });
}

it('names a bad environment variable', async () => {
  const env = { ...hubEnv(undefined), HUB_PORT: 'eighty' };
  const failed = run('npm', ['run', '-s', 'hub', '--', 'serve', '--data', tmpdir()], { cwd: ROOT, env });
  await expect(failed).rejects.toMatchObject({ stderr: expect.stringContaining('HUB_PORT') });
});

// The hub as an administrator runs it: `npm run hub -- …` commands, and `serve` as its own OS process.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_ENCRYPTION_KEY } from './hub-fixture';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const execFileAsync = promisify(execFile);

/** The environment of a CLI run: the test database (PGlite in --data when none), the test sealing key. */
export function hubEnv(databaseUrl: string | undefined, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return {
    ...env,
    HUB_LOG_LEVEL: 'warn',
    HUB_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  };
}

/** Runs `npm run hub -- ...args` (through tsx, as npm does) and resolves with its output and exit code. */
export async function runHub(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await execFileAsync(TSX, ['server/cli.ts', ...args], { cwd: ROOT, env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

export interface HubProcess {
  url: string;
  /** Stops it with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `serve --port 0` in its own process, resolving once it prints its URL. */
export function serveHub(args: string[], env: NodeJS.ProcessEnv): Promise<HubProcess> {
  const child: ChildProcess = spawn(TSX, ['server/cli.ts', 'serve', '--port', '0', ...args], { cwd: ROOT, env });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^Hub URL: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1];
      if (url) {
        resolve({
          url,
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`the hub exited with ${code}: ${output}`)));
  });
}

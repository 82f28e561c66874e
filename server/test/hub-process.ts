// The hub as an administrator runs it: its CLI in a child process (tsx directly: npm does not pass signals on).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_ENCRYPTION_KEY } from './hub-fixture';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

export interface HubPlace {
  /** The embedded database's directory (also where `serve` keeps its key file). */
  dataDir: string;
  /** A PostgreSQL server's database instead of the embedded one. */
  databaseUrl?: string;
  /** More environment variables. */
  env?: NodeJS.ProcessEnv;
}

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM, and the exit code once it stopped. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown at all. */
  kill(): Promise<void>;
}

/** The environment of a CLI run: the place's database (PGlite in --data when none), the test sealing key. */
export function hubEnv(place: Omit<HubPlace, 'dataDir'>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unset, ...env } = process.env;
  return {
    ...env,
    HUB_LOG_LEVEL: 'warn',
    HUB_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    ...(place.databaseUrl ? { DATABASE_URL: place.databaseUrl } : {}),
    ...place.env,
  };
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** `npm run hub -- serve --port 0 --data DIR`, resolved once it printed its URL. */
export function serveHub(place: HubPlace): Promise<HubProcess> {
  const child = spawn(TSX, ['server/cli.ts', 'serve', '--port', '0', '--data', place.dataDir], {
    cwd: ROOT,
    env: hubEnv(place),
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^Hub URL: (http:\/\/\S+)$/m.exec(output)?.[1];
      if (url) {
        resolve({
          url,
          child,
          async stop() {
            const exited = exitOf(child);
            child.kill('SIGTERM');
            return exited;
          },
          async kill() {
            const exited = exitOf(child);
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`the hub exited with ${code}: ${output.slice(-2000)}`)));
  });
}

/** Runs `npm run hub -- ...args` (through tsx, as npm does), failing or not: its output and exit code. */
export async function runHub(
  place: Omit<HubPlace, 'dataDir'>,
  args: string[],
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(TSX, ['server/cli.ts', ...args], { cwd: ROOT, env: hubEnv(place) });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** Runs a hub CLI command to completion; its standard output. */
export async function hubCommand(place: HubPlace, args: string[]): Promise<string> {
  const { stdout } = await run(TSX, ['server/cli.ts', ...args, '--data', place.dataDir], {
    cwd: ROOT,
    env: hubEnv(place),
  });
  return stdout;
}

/** `user add`: the new user's access token. */
export async function addUserToken(
  place: HubPlace,
  user: { email: string; name: string; role: string; stores?: string[] },
): Promise<string> {
  const stores = (user.stores ?? []).flatMap((store) => ['--store', store]);
  const args = ['user', 'add', '--email', user.email, '--name', user.name, '--role', user.role, ...stores];
  const stdout = await hubCommand(place, args);
  const token = /^Access token: (\S+)$/m.exec(stdout)?.[1];
  if (!token) throw new Error(`user add printed no token: ${stdout}`);
  return token;
}

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface VendureServer {
  /** http://127.0.0.1:PORT/admin-api */
  adminApi: string;
  /** The superadmin's session token (Authorization: Bearer). */
  token: string;
  /** An API key (vendure-api-key header) whose role only reads customers and orders. */
  apiKey: string;
  customers: number;
  /** Startup, boot (schema + catalogue) and seed durations in ms, as the server measured them. */
  startupMs: number;
  bootMs: number;
  seedMs: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  customers?: number;
  port?: number;
  /** Reuse or refresh the seeded database snapshot (see server.ts); default true. */
  cache?: boolean;
  /** Give up after this long (ms); the first seed of 2,000 customers takes minutes. */
  timeoutMs?: number;
}

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));
/** The repository root: `--import tsx` resolves from the working directory. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the real Vendure server (server.ts) as a child process and resolves once it prints its "ready" line.
 * The child runs under plain Node with tsx's loader, keeps an IPC channel so it exits if this process dies, and logs to
 * this process's stderr.
 */
export async function startVendure(options: StartOptions = {}): Promise<VendureServer> {
  const args = ['--import', 'tsx', SERVER, '--customers', String(options.customers ?? 200)];
  if (options.port !== undefined) args.push('--port', String(options.port));
  if (options.cache === false) args.push('--no-cache');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, VENDURE_DISABLE_TELEMETRY: 'true' },
  });
  const stop = () => stopChild(child);
  try {
    const ready = await readyLine(child, options.timeoutMs ?? 600_000);
    return { ...ready, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readyLine(child: ChildProcess, timeoutMs: number): Promise<Omit<VendureServer, 'stop'>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Vendure was not ready after ${timeoutMs} ms.`)), timeoutMs);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (!line.startsWith('{"vendure":"ready"')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Vendure server exited (${code}) before it was ready; its log is above.`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

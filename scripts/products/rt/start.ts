// A private Request Tracker 5 per test run: the Debian package's RT (scripts/products/rt/install.sh), with its own
// SQLite database, configuration, compiled templates and sessions in a temporary directory, seeded through RT's
// own API and served by RT's standalone server on a free port of 127.0.0.1. Closing it kills the server and
// removes the directory: nothing outlives the run.

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Me } from '../../../lib/feed/schema';
import { corpusAgent } from '../../../tests/recognition/corpus';
import { freePort } from '../process';
import { RT_SERVER, RT_SETUP_DATABASE, writeSiteConfig } from './config';
import { agentLogin, seed, type TicketIds } from './seed';

export interface RequestTracker {
  /** http://127.0.0.1:<port>, RT's web root. */
  url: string;
  login: { user: string; password: string };
  tickets: TicketIds;
  close(): Promise<void>;
}

const READY_TIMEOUT = 120_000;

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: 180_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
}

/** Resolves once RT serves its login page; rejects when the server exits first or takes too long. */
async function waitReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`rt-server exited (${server.exitCode ?? server.signalCode}):\n${log()}`);
    }
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok && (await response.text()).includes('name="user"')) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`rt-server did not answer within ${READY_TIMEOUT / 1000} s:\n${log()}`);
}

function killGroup(server: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (server.pid && server.exitCode === null && server.signalCode === null) process.kill(-server.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops the server and its prefork workers (their own process group), then forgets the run's directory. */
async function stop(server: ChildProcess, dir: string): Promise<void> {
  if (server.exitCode === null && server.signalCode === null && server.pid) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    killGroup(server, 'SIGTERM');
    const timer = setTimeout(() => killGroup(server, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
}

export async function startRequestTracker(agent: Me = corpusAgent()): Promise<RequestTracker> {
  if (!existsSync(RT_SERVER)) {
    throw new Error('Request Tracker is not installed: run scripts/products/rt/install.sh (as root) first.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'reconnu-rt-'));
  try {
    const port = await freePort();
    const env = writeSiteConfig(dir, port);
    await run(RT_SETUP_DATABASE, ['--action', 'init', '--skip-create'], env);
    const tickets = await seed(env, agent);
    // Two workers: enough for one browser on a two-core machine. Its own process group, to stop the workers too.
    const server = spawn(RT_SERVER, ['--host', '127.0.0.1', '--port', String(port), '--max-workers', '2'], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A test runner killed mid-run must not leave RT behind: its workers are detached from the runner's group.
    const orphaned = () => killGroup(server, 'SIGKILL');
    process.once('exit', orphaned);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitReady(url, server, () => output);
    } catch (error) {
      await stop(server, dir);
      throw error;
    }
    const close = async () => {
      process.off('exit', orphaned);
      await stop(server, dir);
    };
    return { url, login: agentLogin(agent), tickets, close };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

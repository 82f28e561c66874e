// Child servers of the end-to-end harness: a free port, a process whose output is kept for the error message when it
// does not come up, and a wait until it answers.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';

/** A port free on 127.0.0.1 right now (the OS picks it; the server that takes it binds a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Child {
  process: ChildProcess;
  /** What it printed so far, for the error message when it fails. */
  output(): string;
  stop(): Promise<void>;
}

export function startChild(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Child {
  // A process group of its own: PHP's server workers outlive their parent's SIGTERM, the group's signal reaches them.
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => keep(Buffer.from(`\n${error.message}\n`)));
  return {
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          signal('SIGKILL');
          return resolve();
        }
        const force = setTimeout(() => signal('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          // Workers still exiting may hold the pipes open: they must not keep the test process alive.
          signal('SIGKILL');
          child.stdout?.destroy();
          child.stderr?.destroy();
          resolve();
        });
        signal('SIGTERM');
      }),
  };
}

/** Waits until `probe` succeeds, failing early with the child's output if it exits, or after `timeout` ms. */
export async function waitUntil(child: Child, what: string, probe: () => Promise<boolean>, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`${what} exited:\n${child.output()}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not come up in ${timeout} ms:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Whether a TCP server on 127.0.0.1:port greets with a line starting with `greeting`. */
export function greets(port: number, greeting: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(5_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith(greeting)));
    socket.connect(port, '127.0.0.1');
  });
}

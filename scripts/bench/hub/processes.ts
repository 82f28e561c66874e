// The reference feed in its own process, started by its CLI, so that the benchmark's client and the server do not
// share a core, as with the hub (server/test/hub-process.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface ReferenceFeed {
  url: string;
  token: string;
  stop(): Promise<void>;
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** `npm run feed`: the reference feed generating `customers` from `seed`, gzip on as the hub has it. */
export function serveReferenceFeed(customers: number, seed: string): Promise<ReferenceFeed> {
  const args = ['scripts/feed.ts', '--port', '0', '--customers', String(customers), '--seed', seed, '--gzip'];
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Feed URL: (\S+)\nAccess token: (\S+)$/m.exec(output);
      if (match) resolve({ url: match[1] as string, token: match[2] as string, stop: () => stopChild(child) });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`the reference feed exited with ${code}: ${output.slice(-2000)}`)));
  });
}

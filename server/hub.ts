// A running hub: the database, the HTTP application listening, and the retention purges (tombstones, audit) on a
// timer.
import type { FastifyInstance } from 'fastify';
import { purgeAuditEntries } from './audit/retention';
import type { HubConfig } from './config';
import type { Database } from './db/database';
import { purgeTombstones } from './feed/retention';
import { buildHubApp } from './http/app';
import { loggableError } from './http/errors';
import type { Sealer } from './secrets/sealer';

/** The hub's configuration, with the database open and the sealing key loaded; a `port` of 0 picks a free one. */
export type StartHubOptions = Omit<HubConfig, 'databaseUrl' | 'dataDir' | 'encryptionKey' | 'encryptionKeyFile'> & {
  db: Database;
  sealer: Sealer;
};

export interface RunningHub {
  url: string;
  app: FastifyInstance;
  /** Removes the tombstones past retention now (it also runs hourly). */
  purgeTombstones(): Promise<number>;
  /** Removes the audit entries past retention now (it also runs hourly). */
  purgeAuditEntries(): Promise<number>;
  /** Stops accepting requests, lets the ones in flight finish, then stops the timer. The database stays open. */
  close(): Promise<void>;
}

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const { app } = await buildHubApp(options);
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const purge = () => purgeTombstones(options.db, { retentionSeconds: options.tombstoneRetentionSeconds });
  const purgeAudit = () => purgeAuditEntries(options.db, { retentionSeconds: options.auditRetentionSeconds });
  const purgeQuietly = () =>
    Promise.all([
      purge().then(
        (purged) => purged > 0 && app.log.info({ purged }, 'tombstones past retention removed'),
        (error: unknown) => app.log.error({ err: loggableError(error) }, 'tombstone purge failed'),
      ),
      purgeAudit().then(
        (purged) => purged > 0 && app.log.info({ purged }, 'audit entries past retention removed'),
        (error: unknown) => app.log.error({ err: loggableError(error) }, 'audit purge failed'),
      ),
    ]);
  await purgeQuietly();
  const timer = setInterval(purgeQuietly, PURGE_INTERVAL_MS);
  timer.unref();
  const shownHost = ['0.0.0.0', '::', '127.0.0.1'].includes(options.host) ? '127.0.0.1' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    app,
    purgeTombstones: purge,
    purgeAuditEntries: purgeAudit,
    async close() {
      clearInterval(timer);
      await app.close();
    },
  };
}

// A running hub: the database, the HTTP application listening, the retention purges (tombstones, audit) and the
// online-activity job on a timer, and the puller of platform sources.
import type { FastifyInstance } from 'fastify';
import { purgeAuditEntries } from './audit/retention';
import type { HubConfig } from './config';
import type { Database } from './db/database';
import { purgeTombstones } from './feed/retention';
import { buildHubApp } from './http/app';
import { loggableError } from './http/errors';
import { reconcileOnlineActivity } from './scopes/online-activity';
import { type ScopeRules, scopeRules } from './scopes/rules';
import type { Sealer } from './secrets/sealer';
import { createPuller, type SourcePuller } from './sources/scheduler';

/** The hub's configuration, with the database open and the sealing key loaded; a `port` of 0 picks a free one. */
export type StartHubOptions = Omit<HubConfig, 'databaseUrl' | 'dataDir' | 'encryptionKey' | 'encryptionKeyFile'> & {
  db: Database;
  sealer: Sealer;
  /** The clock of the scope rules (tests). */
  now?: () => Date;
};

export interface RunningHub {
  url: string;
  app: FastifyInstance;
  /** Removes the tombstones past retention now (it also runs hourly). */
  purgeTombstones(): Promise<number>;
  /** The scope rules the hub writes with. */
  scopeRules: ScopeRules;
  puller: SourcePuller;
  /** Removes the audit entries past retention now (it also runs hourly). */
  purgeAuditEntries(): Promise<number>;
  /** Stops accepting requests, lets the ones in flight finish, then stops the timer. The database stays open. */
  close(): Promise<void>;
}

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const rules = scopeRules({ storeOnlineMonths: options.storeOnlineMonths, now: options.now });
  const puller = createPuller({ db: options.db, sealer: options.sealer, rules });
  const { app } = await buildHubApp({ ...options, scopeRules: rules, puller });
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
  const reconcileQuietly = () =>
    reconcileOnlineActivity(options.db, rules).then(
      (moved) => moved.left + moved.entered > 0 && app.log.info(moved, 'online activity crossed the window'),
      (error: unknown) => app.log.error({ err: loggableError(error) }, 'online activity job failed'),
    );
  const hourly = async () => {
    await purgeQuietly();
    await reconcileQuietly();
  };
  await hourly();
  const timer = setInterval(hourly, PURGE_INTERVAL_MS);
  timer.unref();
  puller.schedule({ log: app.log, pollSeconds: options.sourcesPollSeconds });
  const shownHost = ['0.0.0.0', '::', '127.0.0.1'].includes(options.host) ? '127.0.0.1' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    app,
    purgeTombstones: purge,
    scopeRules: rules,
    puller,
    purgeAuditEntries: purgeAudit,
    async close() {
      clearInterval(timer);
      await puller.close();
      await app.close();
    },
  };
}

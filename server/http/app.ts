// The hub's HTTP application: logging without customer data or tokens, JSON errors, compression, the role check,
// and the route files, registered from one list.
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { adminCustomersRoutes } from '../routes/admin-customers';
import { adminOrganizationRoutes } from '../routes/admin-organization';
import { adminSourcesRoutes } from '../routes/admin-sources';
import { adminUsersRoutes } from '../routes/admin-users';
import { auditRoutes } from '../routes/audit';
import { changesRoutes } from '../routes/changes';
import { gesturesRoutes } from '../routes/gestures';
import { healthRoutes } from '../routes/health';
import { meRoutes } from '../routes/me';
import { metricsRoutes } from '../routes/metrics';
import { policyRoutes } from '../routes/policy';
import { regionsRoutes } from '../routes/regions';
import type { HubContext, HubRoutes } from '../routes/route';
import { storageKeyRoutes } from '../routes/storage-key';
import { scopeRules } from '../scopes/rules';
import { createPuller } from '../sources/scheduler';
import { installAuth } from './auth';
import { installErrorHandlers } from './errors';
import { HubMetrics, installMetrics } from './metrics';
import { installRateLimit } from './rate-limit';

const ROUTES: readonly HubRoutes[] = [
  healthRoutes,
  meRoutes,
  changesRoutes,
  adminCustomersRoutes,
  adminOrganizationRoutes,
  storageKeyRoutes,
  adminSourcesRoutes,
  policyRoutes,
  gesturesRoutes,
  auditRoutes,
  regionsRoutes,
  adminUsersRoutes,
  metricsRoutes,
];

export interface HubAppOptions extends Omit<HubContext, 'scopeRules' | 'puller' | 'metrics' | 'metricsToken'> {
  /** Default: HUB_STORE_ONLINE_MONTHS's default and the system clock. */
  scopeRules?: HubContext['scopeRules'];
  /** Default: a puller of its own, without schedule. */
  puller?: HubContext['puller'];
  maxBodyBytes: number;
  /** A pino level, or 'silent'. */
  logLevel: string;
  /** HUB_TRUST_PROXY: read the client's scheme and host from X-Forwarded-Proto and -Host. */
  trustProxy?: boolean;
  policyKeyFile?: string;
  publicUrl?: string;
  /** Requests a minute per access token (this process); 0 or absent: no limit. */
  rateLimitPerMinute?: number;
  /** The bearer token of /metrics; absent: /metrics is off. */
  metricsToken?: string;
}

export interface HubApp {
  app: FastifyInstance;
  /** "METHOD /path" of every route registered, to check them against the access table. */
  routes: readonly string[];
}

export async function buildHubApp(options: HubAppOptions): Promise<HubApp> {
  const app = Fastify({
    bodyLimit: options.maxBodyBytes,
    exposeHeadRoutes: false,
    trustProxy: options.trustProxy ?? false,
    logger: {
      level: options.logLevel,
      // Only the method and path: query strings carry cursors, headers carry tokens.
      serializers: {
        req: (request: { method: string; url: string }) => ({
          method: request.method,
          path: request.url.split('?')[0],
        }),
      },
      redact: ['req.headers.authorization'],
    },
  });
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
  });
  installErrorHandlers(app);
  installAuth(app, options.db);
  installRateLimit(app, { perMinute: options.rateLimitPerMinute ?? 0 });
  const metrics = new HubMetrics();
  installMetrics(app, metrics);
  // Level 1: a feed page of 2,000 customers compresses about 3 times faster than at the default level, for 30 % more
  // bytes; the hub's CPU, not the network, is what a round of many full syncs waits on.
  await app.register(compress, { global: true, threshold: 4096, encodings: ['gzip'], zlibOptions: { level: 1 } });
  const { db, sealer, maxPageSize } = options;
  const rules = options.scopeRules ?? scopeRules();
  const puller = options.puller ?? createPuller({ db, sealer, rules });
  for (const register of ROUTES)
    register(app, {
      db,
      sealer,
      maxPageSize,
      scopeRules: rules,
      puller,
      policyKeyFile: options.policyKeyFile,
      publicUrl: options.publicUrl,
      metrics,
      metricsToken: options.metricsToken,
    });
  // A response finished while closing must not leave its keep-alive connection open: close would wait for it.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  await app.ready();
  return { app, routes };
}

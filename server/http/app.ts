// The hub's HTTP application: logging without customer data or tokens, JSON errors, compression, the role check,
// and the route files, registered from one list.
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { adminCustomersRoutes } from '../routes/admin-customers';
import { adminOrganizationRoutes } from '../routes/admin-organization';
import { adminUsersRoutes } from '../routes/admin-users';
import { auditRoutes } from '../routes/audit';
import { changesRoutes } from '../routes/changes';
import { healthRoutes } from '../routes/health';
import { meRoutes } from '../routes/me';
import { metricsRoutes } from '../routes/metrics';
import { regionsRoutes } from '../routes/regions';
import type { HubRoutes } from '../routes/route';
import { storageKeyRoutes } from '../routes/storage-key';
import type { Sealer } from '../secrets/sealer';
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
  auditRoutes,
  regionsRoutes,
  adminUsersRoutes,
  metricsRoutes,
];

export interface HubAppOptions {
  db: Database;
  sealer: Sealer;
  maxBodyBytes: number;
  maxPageSize: number;
  /** A pino level, or 'silent'. */
  logLevel: string;
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
  await app.register(compress, { global: true, threshold: 4096, encodings: ['gzip'] });
  for (const register of ROUTES)
    register(app, {
      db: options.db,
      sealer: options.sealer,
      maxPageSize: options.maxPageSize,
      metrics,
      metricsToken: options.metricsToken,
    });
  await app.ready();
  return { app, routes };
}

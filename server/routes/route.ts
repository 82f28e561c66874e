import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { HubMetrics } from '../http/metrics';
import type { Sealer } from '../secrets/sealer';

/** What every route may use. */
export interface HubContext {
  db: Database;
  /** Seals and opens the secrets kept in the database. */
  sealer: Sealer;
  maxPageSize: number;
  /** Counters the routes add to; served on /metrics. */
  metrics: HubMetrics;
  /** The bearer token /metrics asks for; /metrics is off without one. */
  metricsToken: string | undefined;
}

/** A route file: registers its routes; their roles are in http/access.ts. */
export type HubRoutes = (app: FastifyInstance, context: HubContext) => void;

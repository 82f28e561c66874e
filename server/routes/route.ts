import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { HubMetrics } from '../http/metrics';
import type { ScopeRules } from '../scopes/rules';
import type { Sealer } from '../secrets/sealer';
import type { SourcePuller } from '../sources/scheduler';

/** What every route may use. */
export interface HubContext {
  db: Database;
  /** Seals and opens the secrets kept in the database. */
  sealer: Sealer;
  maxPageSize: number;
  /** Decide the scope keys stored with each customer written. */
  scopeRules: ScopeRules;
  /** Pulls the platform sources. */
  puller: SourcePuller;
  /** HUB_POLICY_KEY_FILE: the policy signing key; when absent, one is made and kept sealed in the database. */
  policyKeyFile?: string;
  /** HUB_PUBLIC_URL: the policy's audience; absent, the origin each request names. */
  publicUrl?: string;
  /** Counters the routes add to; served on /metrics. */
  metrics: HubMetrics;
  /** The bearer token /metrics asks for; /metrics is off without one. */
  metricsToken: string | undefined;
}

/** A route file: registers its routes; their roles are in http/access.ts. */
export type HubRoutes = (app: FastifyInstance, context: HubContext) => void;

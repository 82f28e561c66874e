import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
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
}

/** A route file: registers its routes; their roles are in http/access.ts. */
export type HubRoutes = (app: FastifyInstance, context: HubContext) => void;

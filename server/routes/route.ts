import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { Sealer } from '../secrets/sealer';

/** What every route may use. */
export interface HubContext {
  db: Database;
  /** Seals and opens the secrets kept in the database. */
  sealer: Sealer;
  maxPageSize: number;
  /** HUB_POLICY_KEY_FILE: the policy signing key; when absent, one is made and kept sealed in the database. */
  policyKeyFile?: string;
}

/** A route file: registers its routes; their roles are in http/access.ts. */
export type HubRoutes = (app: FastifyInstance, context: HubContext) => void;

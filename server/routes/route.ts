import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { Sealer } from '../secrets/sealer';

/** What every route may use. */
export interface HubContext {
  db: Database;
  /** Seals and opens the secrets kept in the database. */
  sealer: Sealer;
  maxPageSize: number;
}

/** A route file: registers its routes; their roles are in http/access.ts. */
export type HubRoutes = (app: FastifyInstance, context: HubContext) => void;

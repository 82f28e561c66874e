import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';

/** What every route may use. */
export interface HubContext {
  db: Database;
  maxPageSize: number;
}

/** A route file: registers its routes; their roles are in http/access.ts. */
export type HubRoutes = (app: FastifyInstance, context: HubContext) => void;

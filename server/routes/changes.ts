// GET /v1/changes: the feed v1 page after a cursor, limited to the user's scope (server/scopes/). Gzip is applied by
// the compression plugin when asked.
import { z } from 'zod';
import { CursorGoneError, readChanges } from '../feed/changes';
import { currentUser } from '../http/auth';
import { HttpError } from '../http/errors';
import { scopeFilter, userScope } from '../scopes/filter';
import type { HubRoutes } from './route';

const DEFAULT_PAGE_SIZE = 500;

const querySchema = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().positive().optional(),
});

export const changesRoutes: HubRoutes = (app, { db, maxPageSize, metrics }) => {
  app.get('/v1/changes', async (request, reply) => {
    const query = querySchema.safeParse(request.query);
    if (!query.success) {
      throw new HttpError(400, 'bad_request', 'limit must be a positive integer and cursor one the hub issued.');
    }
    const limit = Math.min(query.data.limit ?? DEFAULT_PAGE_SIZE, maxPageSize);
    try {
      const scope = scopeFilter(await userScope(db, currentUser(request).id), 3);
      const page = await readChanges(db, { cursor: query.data.cursor, limit, scope });
      metrics.count('changes_served', page.count);
      return reply.type('application/json; charset=utf-8').send(page.json);
    } catch (error) {
      if (error instanceof CursorGoneError) {
        throw new HttpError(410, `cursor_${error.reason}`, error.message, { resync: true });
      }
      throw error;
    }
  });
};

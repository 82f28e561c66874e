// Probes for orchestrators: live while the process answers, ready while the database does.
import type { HubRoutes } from './route';

export const healthRoutes: HubRoutes = (app, { db }) => {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    try {
      await db.query('select 1');
      return { status: 'ready' };
    } catch {
      request.log.warn('database unreachable');
      return reply.status(503).send({ error: 'not_ready', message: 'The database does not answer.' });
    }
  });
};

// GET /metrics: Prometheus text for a scraper holding HUB_METRICS_TOKEN (Authorization: Bearer). Off (404) without
// that setting. It carries counts by route pattern and status, never a customer, a user, an id or a query.
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/errors';
import type { HubRoutes } from './route';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares digests of equal length, so the time taken says nothing of the expected token. */
function sameToken(sent: string | undefined, expected: string): boolean {
  return sent !== undefined && timingSafeEqual(digest(sent), digest(expected));
}

export const metricsRoutes: HubRoutes = (app, { metrics, metricsToken }) => {
  app.get('/metrics', async (request, reply) => {
    if (!metricsToken) {
      throw new HttpError(404, 'not_found', 'Metrics are off: set HUB_METRICS_TOKEN to serve them.');
    }
    const sent = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!sameToken(sent, metricsToken)) {
      throw new HttpError(401, 'unauthorized', 'Send the metrics token: Authorization: Bearer <HUB_METRICS_TOKEN>.');
    }
    return reply.type(metrics.contentType).send(await metrics.render());
  });
};

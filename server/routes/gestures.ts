// The gesture ledger of feed API v1: POST /v1/gestures (with Idempotency-Key), GET /v1/gestures?customer=&agent=&
// status=&since=, and POST /v1/gestures/{id}/approve|reject (supervisors and admins: see http/access.ts).
import { grantGesture } from '../gestures/grant';
import { decideGesture, listGestures } from '../gestures/ledger';
import { parseDecisionComment, parseListQuery } from '../gestures/request';
import { currentUser } from '../http/auth';
import type { HubRoutes } from './route';

export const gesturesRoutes: HubRoutes = (app, { db }) => {
  app.post('/v1/gestures', async (request) => {
    const record = await grantGesture(db, {
      user: currentUser(request),
      idempotencyKey: request.headers['idempotency-key'],
      body: request.body,
    });
    request.log.info({ gesture: record.id, status: record.status }, 'gesture stored');
    return record;
  });

  app.get('/v1/gestures', async (request) => ({
    gestures: await listGestures(db, currentUser(request), parseListQuery(request.query)),
  }));

  for (const verdict of ['approve', 'reject'] as const) {
    app.post<{ Params: { id: string } }>(`/v1/gestures/:id/${verdict}`, async (request) => {
      const record = await decideGesture(db, {
        id: request.params.id,
        verdict,
        comment: parseDecisionComment(request.body),
        user: currentUser(request),
      });
      request.log.info({ gesture: record.id, status: record.status }, 'gesture decided');
      return record;
    });
  }
};

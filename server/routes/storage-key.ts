// GET /v1/storage-key: the signed-in user's storage secret (see people/storage-key.ts and the README's feed API).
import { currentUser } from '../http/auth';
import { storageSecretFor } from '../people/storage-key';
import type { HubRoutes } from './route';

export const storageKeyRoutes: HubRoutes = (app, { db }) => {
  app.get('/v1/storage-key', async (request) => ({ secret: await storageSecretFor(db, currentUser(request).id) }));
};

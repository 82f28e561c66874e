// GET /v1/me: who the token signs in as.
import type { Me } from '../../lib/feed/schema';
import { currentUser } from '../http/auth';
import type { HubRoutes } from './route';

export const meRoutes: HubRoutes = (app) => {
  app.get('/v1/me', async (request): Promise<Me> => {
    const user = currentUser(request);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      ...(user.stores.length > 0 ? { stores: user.stores } : {}),
    };
  });
};

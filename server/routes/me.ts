// GET /v1/me: who the token signs in as, and the organization's own identifiers (never a customer's).
import type { Me } from '../../lib/feed/schema';
import { currentUser } from '../http/auth';
import { readOrganization } from '../people/organization';
import type { HubRoutes } from './route';

export const meRoutes: HubRoutes = (app, { db }) => {
  app.get('/v1/me', async (request): Promise<Me> => {
    const user = currentUser(request);
    const organization = await readOrganization(db);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      ...(user.stores.length > 0 ? { stores: user.stores } : {}),
      ...(user.phones.length > 0 ? { phones: user.phones } : {}),
      organization,
    };
  });
};

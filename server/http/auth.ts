// Authentication and the role check, run before every route: the route's entry in the access table decides.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import { type TokenUser, userOfToken } from '../people/tokens';
import { routeAccess, routeKey } from './access';
import { HttpError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The token's user, set on every route that is not public. */
    hubUser: TokenUser | null;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** The signed-in user of a route that is not public. */
export function currentUser(request: FastifyRequest): TokenUser {
  if (!request.hubUser) throw new HttpError(401, 'unauthorized', 'Sign in with a valid access token.');
  return request.hubUser;
}

export function installAuth(app: FastifyInstance, db: Database): void {
  app.decorateRequest('hubUser', null);
  // A route missing from the table would otherwise be reachable without a role check.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (!routeAccess[routeKey(method, route.url)]) {
        throw new Error(`Route ${method} ${route.url} has no entry in the access table (server/http/access.ts).`);
      }
    }
  });
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = routeAccess[routeKey(request.method, request.routeOptions.url ?? '')];
    if (access === 'public') return;
    const token = bearerToken(request);
    if (!token) throw new HttpError(401, 'unauthorized', 'Send an access token: Authorization: Bearer <token>.');
    const user = await userOfToken(db, token);
    if (!user) throw new HttpError(401, 'unauthorized', 'This access token is unknown, expired or revoked.');
    if (!access?.includes(user.role)) {
      throw new HttpError(
        403,
        'forbidden',
        `The ${user.role} role may not ${request.method} ${request.routeOptions.url}.`,
      );
    }
    request.hubUser = user;
  });
}

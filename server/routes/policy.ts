// GET /v1/policy: the policy in force, signed for the origin the client reached the hub at (the token's `aud`, which
// the extension checks against its feed URL). PUT /v1/admin/policy: a new version, checked with the extension's schema.
import type { FastifyRequest } from 'fastify';
import { currentUser } from '../http/auth';
import { HttpError } from '../http/errors';
import { policyKeyLoader } from '../policy/signing-key';
import { currentPolicy, InvalidPolicyError, setPolicy } from '../policy/store';
import { signPolicyToken } from '../policy/token';
import { SealingKeyError } from '../secrets/sealer';
import type { HubRoutes } from './route';

/**
 * The origin of the request as the client wrote it: its Host and scheme, or X-Forwarded-Host and -Proto when
 * HUB_TRUST_PROXY is set (Fastify's trustProxy decides which of them request.host and request.protocol read).
 */
function originOf(request: FastifyRequest): string {
  const { protocol, host } = request;
  if ((protocol === 'http' || protocol === 'https') && host) {
    try {
      return new URL(`${protocol}://${host}`).origin;
    } catch {
      // reported below
    }
  }
  throw new HttpError(400, 'bad_request', 'The request has no valid Host (or X-Forwarded-Host and -Proto).');
}

export const policyRoutes: HubRoutes = (app, { db, sealer, policyKeyFile, publicUrl }) => {
  const audienceOf = (request: FastifyRequest) => (publicUrl ? new URL(publicUrl).origin : originOf(request));
  const signingKey = policyKeyLoader({ db, sealer, keyFile: policyKeyFile });

  app.get('/v1/policy', async (request, reply) => {
    const stored = await currentPolicy(db);
    if (!stored) {
      throw new HttpError(
        404,
        'no_policy',
        'No empowerment policy is set on this hub: an administrator sets one with PUT /v1/admin/policy or `npm run hub -- policy set FILE`.',
      );
    }
    const key = await signingKey().catch((error: unknown) => {
      if (!(error instanceof SealingKeyError)) throw error;
      request.log.warn('policy signing key unavailable');
      throw new HttpError(503, 'policy_key_unavailable', `The hub cannot sign its policy: ${error.message}`);
    });
    const token = await signPolicyToken({ policy: stored.policy, audience: audienceOf(request), key });
    return reply.type('application/jose').header('Cache-Control', 'no-store').send(token);
  });

  app.put('/v1/admin/policy', async (request) => {
    try {
      const stored = await setPolicy(db, request.body, currentUser(request).id);
      request.log.info({ revision: stored.revision }, 'policy set');
      return stored;
    } catch (error) {
      if (error instanceof InvalidPolicyError) {
        throw new HttpError(400, 'invalid_policy', error.message, { path: error.path });
      }
      throw error;
    }
  });
};

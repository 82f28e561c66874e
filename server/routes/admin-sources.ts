// Platform sources the hub pulls (server/sources/): admins set them, list them (never with credentials), remove them,
// and pull one at once.
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';
import { SealingKeyError } from '../secrets/sealer';
import { SourceInputError, sourceIdSchema } from '../sources/settings';
import { deleteSource, listSources, readSource, saveSource } from '../sources/store';
import type { HubRoutes } from './route';

function idOf(request: FastifyRequest): string {
  const id = sourceIdSchema.safeParse((request.params as { id?: unknown }).id);
  if (!id.success) throw new HttpError(400, 'bad_request', id.error.issues[0]?.message ?? 'Bad source id.');
  return id.data;
}

const notFound = (id: string) => new HttpError(404, 'not_found', `No source "${id}".`);

export const adminSourcesRoutes: HubRoutes = (app, { db, sealer, puller }) => {
  app.get('/v1/admin/sources', async () => ({ sources: await listSources(db) }));

  app.put('/v1/admin/sources/:id', async (request) => {
    try {
      return await saveSource(db, sealer, idOf(request), request.body);
    } catch (error) {
      if (error instanceof SourceInputError) {
        throw new HttpError(400, 'bad_request', `Send { kind, url, credentials, everyMinutes }: ${error.message}`);
      }
      if (error instanceof SealingKeyError) throw new HttpError(500, 'encryption_key', error.message);
      throw error;
    }
  });

  app.delete('/v1/admin/sources/:id', async (request, reply) => {
    const id = idOf(request);
    if (!(await deleteSource(db, id))) throw notFound(id);
    return reply.status(204).send();
  });

  app.post('/v1/admin/sources/:id/pull', async (request) => {
    const id = idOf(request);
    if (!(await readSource(db, id))) throw notFound(id);
    const outcome = await puller.pullNow(id, request.log);
    if (outcome.status === 'busy') {
      throw new HttpError(409, 'pull_in_progress', `A pull of "${id}" is under way; see GET /v1/admin/sources.`);
    }
    return { ...outcome, source: await readSource(db, id) };
  });
};

// Every answer that is not a success is JSON: { error: code, message }. Messages from the database never reach the
// client or the logs, since they can quote the data that failed.
import type { FastifyError, FastifyInstance } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof Reflect.get(error, 'statusCode') === 'number';
}

/** What of an error may be logged: its kind, never its message (it may quote customer data). */
export function loggableError(error: unknown): { type: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = Reflect.get(error, 'code');
  return { type: error.name, ...(typeof code === 'string' ? { code } : {}) };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.status).send({ error: error.code, message: error.message, ...error.extra });
    }
    if (error instanceof SyntaxError) {
      return reply
        .status(400)
        .send({ error: 'malformed_json', message: `The body is not valid JSON: ${error.message}` });
    }
    if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode < 500) {
      const code = FASTIFY_CODES[error.code] ?? 'bad_request';
      return reply.status(error.statusCode).send({ error: code, message: error.message });
    }
    request.log.error({ err: loggableError(error) }, 'request failed');
    return reply
      .status(500)
      .send({ error: 'internal_error', message: 'The hub failed to answer; nothing was written.' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` }),
  );
}

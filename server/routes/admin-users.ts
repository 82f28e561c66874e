// Users and their access tokens, for administrators: list, create (with a first token, shown once), change name, role
// and stores, issue more tokens, list them (never their hash), and revoke one (401 from its next request on).
import { z } from 'zod';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/validate';
import { roleSchema } from '../people/roles';
import {
  addToken,
  findToken,
  findUser,
  LastAdminError,
  listTokens,
  listUsers,
  revokeTokenById,
  UnknownTokenError,
  UnknownUserError,
  updateUser,
} from '../people/user-admin';
import { addUser, DuplicateEmailError } from '../people/users';
import type { HubRoutes } from './route';

const DEFAULT_TOKEN_DAYS = 365;

// PostgreSQL's text cannot hold U+0000; nor should a name or a store.
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'holds a NUL character');
const storesSchema = z.array(text(100)).max(500);
const phonesSchema = z.array(text(64)).max(20);
const expiresSchema = z.number().int().min(1).max(3650).nullable().default(DEFAULT_TOKEN_DAYS);

const newUserSchema = z.strictObject({
  email: z.email().max(254),
  name: text(200),
  role: roleSchema,
  stores: storesSchema.default([]),
  phones: phonesSchema.default([]),
  tokenExpiresInDays: expiresSchema,
});
const changesSchema = z
  .strictObject({
    name: text(200).optional(),
    role: roleSchema.optional(),
    stores: storesSchema.optional(),
    phones: phonesSchema.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'send at least one of name, role, stores, phones');
const newTokenSchema = z.strictObject({ expiresInDays: expiresSchema }).default({ expiresInDays: DEFAULT_TOKEN_DAYS });

const idParams = z.object({ id: z.string().min(1).max(100) });

/** The database's own errors of these routes, as answers. */
function asHttpError(error: unknown): unknown {
  if (error instanceof UnknownUserError || error instanceof UnknownTokenError) {
    return new HttpError(404, 'not_found', error.message);
  }
  if (error instanceof LastAdminError) return new HttpError(409, 'last_admin', error.message);
  // A unique violation: another request created the same email in between.
  if (error instanceof DuplicateEmailError || Reflect.get(Object(error), 'code') === '23505') {
    return new HttpError(409, 'email_taken', 'A user with this email already exists.');
  }
  return error;
}

/** The work's result, its failures as answers. */
async function answer<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asHttpError(error);
  }
}

export const adminUsersRoutes: HubRoutes = (app, { db }) => {
  app.get('/v1/admin/users', async () => ({ users: await listUsers(db) }));

  app.post('/v1/admin/users', async (request, reply) => {
    const body = parseRequest(
      newUserSchema,
      request.body,
      'Send { email, name, role, stores?, phones?, tokenExpiresInDays? }',
    );
    const created = await answer(addUser(db, body));
    request.log.info({ user: created.id, role: body.role }, 'user created');
    return reply.status(201).send({
      user: await findUser(db, created.id),
      token: await findToken(db, created.tokenId),
      accessToken: created.token,
    });
  });

  app.patch('/v1/admin/users/:id', async (request) => {
    const { id } = parseRequest(idParams, request.params, 'User id');
    const changes = parseRequest(changesSchema, request.body, 'Send { name?, role?, stores?, phones? }');
    const user = await answer(updateUser(db, id, changes));
    request.log.info({ user: id, role: user.role }, 'user changed');
    return user;
  });

  app.get('/v1/admin/users/:id/tokens', async (request) => {
    const { id } = parseRequest(idParams, request.params, 'User id');
    return { tokens: await answer(listTokens(db, id)) };
  });

  app.post('/v1/admin/users/:id/tokens', async (request, reply) => {
    const { id } = parseRequest(idParams, request.params, 'User id');
    const { expiresInDays } = parseRequest(newTokenSchema, request.body ?? undefined, 'Send { expiresInDays? }');
    const created = await answer(addToken(db, { userId: id, expiresInDays }));
    request.log.info({ user: id, token: created.token.id }, 'token issued');
    return reply.status(201).send(created);
  });

  app.delete('/v1/admin/tokens/:id', async (request) => {
    const { id } = parseRequest(idParams, request.params, 'Token id');
    const token = await answer(revokeTokenById(db, id));
    request.log.info({ token: id }, 'token revoked');
    return token;
  });
};

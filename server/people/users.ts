import type { Database } from '../db/database';
import type { Segment } from '../scopes/segment';
import type { Role } from './roles';
import { createToken, newId } from './tokens';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  stores: readonly string[];
  /** The user's own phones: never taken for a customer's. */
  phones?: readonly string[];
  /** Lifetime of the first token, in days; null for a token that never expires. */
  tokenExpiresInDays: number | null;
  /** The segment an agent, supervisor or admin is limited to (server/scopes/segment.ts); absent: every customer. */
  scope?: Segment | null;
}

export class DuplicateEmailError extends Error {}

/** Creates a user and their first access token (its id and its secret), in one transaction. */
export async function addUser(db: Database, user: NewUser): Promise<{ id: string; token: string; tokenId: string }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query('select 1 from users where lower(email) = lower($1)', [user.email]);
    if (rows.length > 0) throw new DuplicateEmailError(`A user with the email ${user.email} already exists.`);
    const id = newId('usr');
    await tx.query(
      'insert into users (id, email, name, role, stores, scope, phones) values ($1, $2, $3, $4, $5, $6, $7)',
      [
        id,
        user.email,
        user.name,
        user.role,
        user.stores,
        user.scope ? JSON.stringify(user.scope) : null,
        user.phones ?? [],
      ],
    );
    const token = await createToken(tx, { userId: id, expiresInDays: user.tokenExpiresInDays });
    return { id, token: token.token, tokenId: token.id };
  });
}

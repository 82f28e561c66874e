// Personal access tokens: 256 random bits shown once; the hub keeps only their SHA-256, so a copy of the database
// gives no one a working token.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { Role } from './roles';

const TOKEN_PREFIX = 'rch_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

export interface IssueTokenOptions {
  userId: string;
  /** Days until the token stops working; never when null. */
  expiresInDays: number | null;
}

/** Creates a token for the user: its id, and its secret, which is not stored anywhere. */
export async function createToken(db: Queryable, options: IssueTokenOptions): Promise<{ id: string; token: string }> {
  const id = newId('tok');
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await db.query(
    `insert into tokens (id, user_id, hash, expires_at)
     values ($1, $2, $3, case when $4::float8 is null then null else now() + make_interval(days => $4::int) end)`,
    [id, options.userId, hashToken(token), options.expiresInDays],
  );
  return { id, token };
}

/** Creates a token for the user and returns its secret, which is not stored anywhere. */
export async function issueToken(db: Queryable, options: IssueTokenOptions): Promise<string> {
  return (await createToken(db, options)).token;
}

export interface TokenUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  stores: string[];
  phones: string[];
  tokenId: string;
}

/** The user a token acts for, or undefined when it is unknown, expired or revoked. */
export async function userOfToken(db: Queryable, token: string): Promise<TokenUser | undefined> {
  // One round trip on every request. Last use is written at most once a minute per token: it is for audits, not a
  // per-request counter.
  const { rows } = await db.query<TokenUser>(
    `with found as (
       select u.id, u.email, u.name, u.role, u.stores, u.phones, t.id as "tokenId", t.last_used_at
       from tokens t join users u on u.id = t.user_id
       where t.hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
     ), touched as (
       update tokens set last_used_at = now() from found
       where tokens.id = found."tokenId"
         and (found.last_used_at is null or found.last_used_at < now() - interval '1 minute')
     )
     select id, email, name, role, stores, phones, "tokenId" from found`,
    [hashToken(token)],
  );
  return rows[0];
}

export async function revokeToken(db: Queryable, tokenId: string): Promise<void> {
  await db.query('update tokens set revoked_at = now() where id = $1 and revoked_at is null', [tokenId]);
}

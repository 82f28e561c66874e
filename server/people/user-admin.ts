// What an administrator sees and changes of users and their tokens. A token's hash never leaves the database.
import type { Database, Queryable } from '../db/database';
import type { Role } from './roles';
import { createToken } from './tokens';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  stores: string[];
  phones: string[];
  createdAt: string;
}

export interface TokenRecord {
  id: string;
  userId: string;
  createdAt: string;
  /** Null: it never expires. */
  expiresAt: string | null;
  revokedAt: string | null;
  /** To the minute: the hub writes it at most once a minute. */
  lastUsedAt: string | null;
}

export class UnknownUserError extends Error {}
export class UnknownTokenError extends Error {}
/** The change would leave the hub without an administrator. */
export class LastAdminError extends Error {}

const USER_COLUMNS = 'id, email, name, role, stores, phones, created_at';
const TOKEN_COLUMNS = 'id, user_id, created_at, expires_at, revoked_at, last_used_at';

interface UserRow extends Omit<UserRecord, 'createdAt'> {
  created_at: Date;
}

interface TokenRow {
  id: string;
  user_id: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const userOf = ({ created_at, ...row }: UserRow): UserRecord => ({ ...row, createdAt: created_at.toISOString() });

const tokenOf = (row: TokenRow): TokenRecord => ({
  id: row.id,
  userId: row.user_id,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users order by lower(email)`);
  return rows.map(userOf);
}

export async function findUser(db: Queryable, id: string): Promise<UserRecord> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
  const row = rows[0];
  if (!row) throw new UnknownUserError(`No user ${id}.`);
  return userOf(row);
}

export interface UserChanges {
  name?: string;
  role?: Role;
  stores?: string[];
  phones?: string[];
}

/** Changes a user; taking the admin role from the last administrator is refused. Effective at their next request. */
export async function updateUser(db: Database, id: string, changes: UserChanges): Promise<UserRecord> {
  return db.transaction(async (tx) => {
    const before = await findUser(tx, id);
    if (before.role === 'admin' && changes.role !== undefined && changes.role !== 'admin') {
      // Locks every admin row: of two demotions at once, the second sees the first and is refused when it is the last.
      const { rows } = await tx.query<{ id: string }>("select id from users where role = 'admin' for update");
      if (rows.every((admin) => admin.id === id)) {
        throw new LastAdminError('This is the last administrator: make someone else an admin first.');
      }
    }
    const { rows } = await tx.query<UserRow>(
      `update users set name = coalesce($2, name), role = coalesce($3, role), stores = coalesce($4, stores),
       phones = coalesce($5, phones)
       where id = $1 returning ${USER_COLUMNS}`,
      [id, changes.name ?? null, changes.role ?? null, changes.stores ?? null, changes.phones ?? null],
    );
    const row = rows[0];
    if (!row) throw new UnknownUserError(`No user ${id}.`);
    return userOf(row);
  });
}

export async function findToken(db: Queryable, id: string): Promise<TokenRecord> {
  const { rows } = await db.query<TokenRow>(`select ${TOKEN_COLUMNS} from tokens where id = $1`, [id]);
  const row = rows[0];
  if (!row) throw new UnknownTokenError(`No token ${id}.`);
  return tokenOf(row);
}

/** The user's tokens, newest first. */
export async function listTokens(db: Queryable, userId: string): Promise<TokenRecord[]> {
  await findUser(db, userId);
  const { rows } = await db.query<TokenRow>(
    `select ${TOKEN_COLUMNS} from tokens where user_id = $1 order by created_at desc, id`,
    [userId],
  );
  return rows.map(tokenOf);
}

/** A new token for the user: its record, and its secret, shown once. */
export async function addToken(
  db: Database,
  options: { userId: string; expiresInDays: number | null },
): Promise<{ token: TokenRecord; accessToken: string }> {
  return db.transaction(async (tx) => {
    await findUser(tx, options.userId);
    const created = await createToken(tx, options);
    return { token: await findToken(tx, created.id), accessToken: created.token };
  });
}

/** Revokes a token (again: it keeps its first revocation time); it gets 401 from its next request on. */
export async function revokeTokenById(db: Database, id: string): Promise<TokenRecord> {
  return db.transaction(async (tx) => {
    await tx.query('update tokens set revoked_at = now() where id = $1 and revoked_at is null', [id]);
    return findToken(tx, id);
  });
}

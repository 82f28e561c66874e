// Each user's storage secret: the extension wraps its local store's key under a key derived from it, so a copied
// browser profile cannot be opened without asking the hub with a valid token.
import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

const NAME = 'storage';

/** Read once per database by this process; it never changes. */
const known = new WeakMap<Queryable, Promise<Buffer>>();

/** The hub's secret, made once: the first hub to need it inserts it, every other one reads the same. */
async function readHubSecret(db: Queryable): Promise<Buffer> {
  await db.query("insert into hub_secrets (name, value) values ($1, decode($2, 'hex')) on conflict (name) do nothing", [
    NAME,
    randomBytes(32).toString('hex'),
  ]);
  const { rows } = await db.query<{ value: string }>(
    "select encode(value, 'hex') as value from hub_secrets where name = $1",
    [NAME],
  );
  const hex = rows[0]?.value;
  if (!hex) throw new Error('The hub has no storage secret.');
  return Buffer.from(hex, 'hex');
}

function hubSecret(db: Queryable): Promise<Buffer> {
  let secret = known.get(db);
  if (!secret) {
    secret = readHubSecret(db);
    secret.catch(() => known.delete(db));
    known.set(db, secret);
  }
  return secret;
}

/**
 * The user's secret: HMAC-SHA-256 of their id under the hub's secret, in base64url. Per user rather than per token,
 * so a new token for the same person still opens what their browser stored; a revoked token gets none (401).
 */
export async function storageSecretFor(db: Queryable, userId: string): Promise<string> {
  const secret = await hubSecret(db);
  return createHmac('sha256', secret).update(`storage-key:${userId}`).digest('base64url');
}

// One pull of a source at a time, across every hub process on the database: a lease row field taken by a pull
// (a random owner per pull), renewed with each page it commits, given up at the end. A pull whose lease ran out (a
// hub that died) is taken over once it expires; the pull that lost it finds out at its next commit and stops.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

export const LEASE_SECONDS = 300;

export class LeaseLostError extends Error {
  constructor() {
    super('Another pull took this source over.');
  }
}

export interface LeasedSource {
  id: string;
  settings: Record<string, unknown>;
  credentials: string;
  cursor: string | null;
  failures: number;
  every_minutes: number;
}

export const newLeaseOwner = () => randomBytes(12).toString('base64url');

/** Takes the source's lease; undefined when another pull holds it (or there is no such source). */
export async function takeLease(db: Queryable, id: string, owner: string): Promise<LeasedSource | undefined> {
  const { rows } = await db.query<LeasedSource>(
    `update sources set lease_owner = $2, lease_until = now() + make_interval(secs => $3), last_run_at = now(),
       last_changes = 0, last_rejected = 0
     where id = $1 and (lease_until is null or lease_until < now())
     returning id, settings, credentials, cursor, failures, every_minutes`,
    [id, owner, LEASE_SECONDS],
  );
  return rows[0];
}

/** Within a page's transaction: renews the lease and moves the cursor, or throws if the lease was lost. */
export async function advance(
  tx: Queryable,
  lease: { id: string; owner: string },
  page: { cursor: string; changes: number; rejected: number },
): Promise<void> {
  const result = await tx.query(
    `update sources set cursor = $3, lease_until = now() + make_interval(secs => $4),
       last_changes = last_changes + $5, last_rejected = last_rejected + $6, total_changes = total_changes + $5
     where id = $1 and lease_owner = $2`,
    [lease.id, lease.owner, page.cursor, LEASE_SECONDS, page.changes, page.rejected],
  );
  if (result.affected === 0) throw new LeaseLostError();
}

// POST /v1/gestures: the hub evaluates its own policy at write time, against the customer it stores and the ledger,
// so a gesture can never exceed a limit however many agents grant at once, on however many hub processes.
import type { Customer } from '../../lib/feed/schema';
import { evaluate } from '../../lib/policy/evaluate';
import { grantRecord } from '../../lib/policy/grant-record';
import type { GestureRecord } from '../../lib/policy/schema';
import type { Database, Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import type { TokenUser } from '../people/tokens';
import { policyOfText } from '../policy/store';
import { type GestureRow, insertRecord, recordByKey, recordOf } from './records';
import { type GrantBody, parseGrantBody, parseIdempotencyKey } from './request';

interface GrantContext {
  /** What a retry of the same request (same user, so same agent lock) stored while this one waited. */
  retried: GestureRow | null;
  policy: { revision: number; body: string; set_by: string; set_at: string } | null;
  customer: Customer | null;
  /** The given gestures the evaluation may count (see the migration for the window). */
  history: GestureRow[];
}

/**
 * Locks this customer's budget, then this agent's, until the transaction ends, across every process on the database;
 * then reads what the grant is decided on, all in one round trip (server/migrations/013-grant-context.sql).
 */
async function lockedContext(tx: Queryable, request: GrantBody, agentId: string, key: string, now: Date) {
  const { rows } = await tx.query<{ context: GrantContext }>('select grant_context($1, $2, $3, $4, $5) as context', [
    request.customerId,
    agentId,
    key,
    request.gesture,
    now,
  ]);
  return (rows[0] as { context: GrantContext }).context;
}

/** The body as a grant request; a body that is not one still answers what a retry stored under its key. */
async function requestOf(
  db: Database,
  userId: string,
  key: string,
  body: unknown,
): Promise<{ request: GrantBody } | { known: GestureRecord }> {
  try {
    return { request: parseGrantBody(body) };
  } catch (error) {
    const known = await recordByKey(db, userId, key);
    if (known) return { known };
    throw error;
  }
}

export interface GrantInput {
  user: TokenUser;
  idempotencyKey: string | string[] | undefined;
  body: unknown;
}

/** Stores the gesture once per (user, Idempotency-Key): granted, pending approval, or rejected by the policy. */
export async function grantGesture(db: Database, { user, idempotencyKey, body }: GrantInput): Promise<GestureRecord> {
  const key = parseIdempotencyKey(idempotencyKey);
  const parsed = await requestOf(db, user.id, key, body);
  if ('known' in parsed) return parsed.known;
  const { request } = parsed;
  return db.transaction(async (tx) => {
    // The history's window counts from now, a day of margin included; the decision's now is taken under the locks.
    const context = await lockedContext(tx, request, user.id, key, new Date());
    if (context.retried) return recordOf(context.retried);
    if (!context.policy) {
      throw new HttpError(
        503,
        'no_policy',
        'No empowerment policy is set on this hub, so no gesture can be checked: an administrator sets one first.',
      );
    }
    if (!context.customer) throw new HttpError(404, 'not_found', `No customer ${request.customerId} on this hub.`);
    const policy = policyOfText(context.policy.body);
    const history = context.history.map(recordOf);
    const me = { id: user.id, name: user.name, role: user.role };
    const now = new Date();
    const verdict = evaluate({ policy, me, customer: context.customer, request, history, now });
    const record = grantRecord({ request, agent: user, verdict, now });
    const inserted = await insertRecord(tx, { record, idempotencyKey: key });
    // The agent lock makes a taken key impossible here; should it happen, the stored record is still the answer.
    return inserted ?? ((await recordByKey(tx, user.id, key)) as GestureRecord);
  });
}

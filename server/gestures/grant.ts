// POST /v1/gestures: the hub evaluates its own policy at write time, against the customer it stores and the ledger,
// so a gesture can never exceed a limit however many agents grant at once, on however many hub processes.
import type { Customer } from '../../lib/feed/schema';
import { evaluate } from '../../lib/policy/evaluate';
import { grantRecord } from '../../lib/policy/grant-record';
import type { GestureRecord, Policy } from '../../lib/policy/schema';
import type { Database, Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import type { TokenUser } from '../people/tokens';
import { currentPolicy } from '../policy/store';
import { GESTURE_COLUMNS, type GestureRow, insertRecord, recordByKey, recordOf } from './records';
import { type GrantBody, parseGrantBody, parseIdempotencyKey } from './request';

/** Arbitrary constants naming the two kinds of budget lock among the database's advisory locks. */
const CUSTOMER_BUDGET_LOCK = 7_250_501;
const AGENT_BUDGET_LOCK = 7_250_502;
const DAY_MS = 86_400_000;

/**
 * Serializes every grant drawing on this customer's budget, then on this agent's. Always in that order, so two grants
 * never wait on each other in a cycle; held until the transaction ends, across every process on the database.
 */
async function lockBudgets(tx: Queryable, customerId: string, agentId: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1::int4, hashtext($2))', [CUSTOMER_BUDGET_LOCK, customerId]);
  await tx.query('select pg_advisory_xact_lock($1::int4, hashtext($2))', [AGENT_BUDGET_LOCK, agentId]);
}

async function liveCustomer(tx: Queryable, id: string): Promise<Customer> {
  const { rows } = await tx.query<{ body: Customer }>(
    'select body from customers where id = $1 and deleted_at is null',
    [id],
  );
  if (!rows[0]) throw new HttpError(404, 'not_found', `No customer ${id} on this hub.`);
  return rows[0].body;
}

/**
 * The given gestures the evaluation may count: this gesture, to this customer over the longest per-customer period
 * of the policy, and by this agent over the last two days (its "today" in the policy's time zone); a day of margin on
 * each, the evaluator keeps the exact days.
 */
async function budgetHistory(tx: Queryable, policy: Policy, request: GrantBody, agentId: string, now: Date) {
  const periods = policy.rules.filter((rule) => rule.gesture === request.gesture).map((rule) => rule.perCustomer?.days);
  const customerDays = Math.max(1, ...periods.map((days) => days ?? 1));
  const { rows } = await tx.query<GestureRow>(
    `select ${GESTURE_COLUMNS} from gestures
     where gesture = $1 and status in ('granted', 'approved')
       and ((customer_id = $2 and at >= $3) or (agent_id = $4 and at >= $5))`,
    [
      request.gesture,
      request.customerId,
      new Date(now.getTime() - (customerDays + 1) * DAY_MS),
      agentId,
      new Date(now.getTime() - 2 * DAY_MS),
    ],
  );
  return rows.map(recordOf);
}

export interface GrantInput {
  user: TokenUser;
  idempotencyKey: string | string[] | undefined;
  body: unknown;
}

/** Stores the gesture once per (user, Idempotency-Key): granted, pending approval, or rejected by the policy. */
export async function grantGesture(db: Database, { user, idempotencyKey, body }: GrantInput): Promise<GestureRecord> {
  const key = parseIdempotencyKey(idempotencyKey);
  const known = await recordByKey(db, user.id, key);
  if (known) return known;
  const request = parseGrantBody(body);
  return db.transaction(async (tx) => {
    await lockBudgets(tx, request.customerId, user.id);
    // A retry of the same request (same user, so same agent lock) may have committed while this one waited.
    const retried = await recordByKey(tx, user.id, key);
    if (retried) return retried;
    const stored = await currentPolicy(tx);
    if (!stored) {
      throw new HttpError(
        503,
        'no_policy',
        'No empowerment policy is set on this hub, so no gesture can be checked: an administrator sets one first.',
      );
    }
    const customer = await liveCustomer(tx, request.customerId);
    const now = new Date();
    const history = await budgetHistory(tx, stored.policy, request, user.id, now);
    const me = { id: user.id, name: user.name, role: user.role };
    const verdict = evaluate({ policy: stored.policy, me, customer, request, history, now });
    const record = grantRecord({ request, agent: user, verdict, now });
    const inserted = await insertRecord(tx, { record, idempotencyKey: key });
    // The agent lock makes a taken key impossible here; should it happen, the stored record is still the answer.
    return inserted ?? ((await recordByKey(tx, user.id, key)) as GestureRecord);
  });
}

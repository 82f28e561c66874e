// Reading the ledger (GET /v1/gestures) and deciding on approval requests (POST /v1/gestures/{id}/approve|reject).
import type { GestureRecord } from '../../lib/policy/schema';
import type { Queryable, SqlValue } from '../db/database';
import { HttpError } from '../http/errors';
import type { TokenUser } from '../people/tokens';
import { GESTURE_COLUMNS, type GestureRow, recordById, recordOf } from './records';
import type { ListQuery } from './request';

/** The most records one answer carries, newest first. */
export const MAX_LISTED = 2000;

export const isSupervisor = (user: Pick<TokenUser, 'role'>) => user.role === 'supervisor' || user.role === 'admin';

/**
 * Agents and store staff read one customer's gestures (every agent's, on every channel: what was already given) or
 * their own; supervisors and admins read everything.
 */
export async function listGestures(db: Queryable, user: TokenUser, query: ListQuery): Promise<GestureRecord[]> {
  if (!isSupervisor(user) && !query.customer && query.agent !== user.id) {
    throw new HttpError(
      403,
      'forbidden',
      'Ask for a customer (customer=ID), or for your own gestures (agent=YOUR_ID).',
    );
  }
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  const where = (sql: string, value: SqlValue) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (query.customer) where('customer_id = ?', query.customer);
  if (query.agent) where('agent_id = ?', query.agent);
  if (query.status) where('status = ?', query.status);
  if (query.since) where('at >= ?', new Date(query.since));
  const { rows } = await db.query<GestureRow>(
    `select ${GESTURE_COLUMNS} from gestures ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
     order by at desc, seq desc limit ${MAX_LISTED}`,
    params,
  );
  return rows.map(recordOf);
}

export interface Decision {
  id: string;
  verdict: 'approve' | 'reject';
  comment: string | undefined;
  user: TokenUser;
}

/**
 * A supervisor's decision on a pending gesture: recorded with who, when and the comment, in one statement, so two
 * supervisors deciding at once cannot both win. The same decision again answers the record; another one is a 409.
 */
export async function decideGesture(db: Queryable, { id, verdict, comment, user }: Decision): Promise<GestureRecord> {
  const status = verdict === 'approve' ? 'approved' : 'rejected';
  const { rows } = await db.query<GestureRow>(
    `update gestures set status = $2, decided_by = $3, decided_at = now(), comment = $4
     where id = $1 and status = 'pending' returning ${GESTURE_COLUMNS}`,
    [id, status, user.id, comment ?? null],
  );
  if (rows[0]) return recordOf(rows[0]);
  const record = await recordById(db, id);
  if (!record) throw new HttpError(404, 'not_found', `No gesture ${id}.`);
  if (record.status === status) return record;
  throw new HttpError(409, 'conflict', `Gesture ${id} is already ${record.status}: only a pending one can be decided.`);
}

// Gesture rows and the records the API answers with: the shape of gestureRecordSchema (lib/policy/schema.ts), with
// absent fields left out rather than null.
import type { GestureRecord } from '../../lib/policy/schema';
import type { Queryable } from '../db/database';

export interface GestureRow {
  id: string;
  customer_id: string;
  agent_id: string;
  agent_name: string | null;
  gesture: GestureRecord['gesture'];
  size: number;
  currency: string | null;
  reason: string;
  channel: GestureRecord['channel'];
  status: GestureRecord['status'];
  at: Date | string;
  rule: string | null;
  decided_by: string | null;
  comment: string | null;
}

export const GESTURE_COLUMNS =
  'id, customer_id, agent_id, agent_name, gesture, size, currency, reason, channel, status, at, rule, decided_by, comment';

export function recordOf(row: GestureRow): GestureRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    agentId: row.agent_id,
    ...(row.agent_name !== null && { agentName: row.agent_name }),
    gesture: row.gesture,
    size: row.size,
    ...(row.currency !== null && { currency: row.currency }),
    reason: row.reason,
    channel: row.channel,
    status: row.status,
    at: new Date(row.at).toISOString(),
    ...(row.rule !== null && { rule: row.rule }),
    ...(row.decided_by !== null && { decidedBy: row.decided_by }),
    ...(row.comment !== null && { comment: row.comment }),
  };
}

/** The record a user stored under an Idempotency-Key, if any. */
export async function recordByKey(db: Queryable, agentId: string, key: string): Promise<GestureRecord | null> {
  const { rows } = await db.query<GestureRow>(
    `select ${GESTURE_COLUMNS} from gestures where agent_id = $1 and idempotency_key = $2`,
    [agentId, key],
  );
  return rows[0] ? recordOf(rows[0]) : null;
}

export async function recordById(db: Queryable, id: string): Promise<GestureRecord | null> {
  const { rows } = await db.query<GestureRow>(`select ${GESTURE_COLUMNS} from gestures where id = $1`, [id]);
  return rows[0] ? recordOf(rows[0]) : null;
}

export interface NewGesture {
  record: GestureRecord;
  idempotencyKey: string;
}

/** Stores a new record; null when the user's key is already taken (a retry that ran at the same time). */
export async function insertRecord(
  db: Queryable,
  { record, idempotencyKey }: NewGesture,
): Promise<GestureRecord | null> {
  const { rows } = await db.query<GestureRow>(
    `insert into gestures (id, agent_id, idempotency_key, customer_id, agent_name, gesture, size, currency, reason,
       channel, status, at, rule, decided_by, decided_at, comment)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     on conflict (agent_id, idempotency_key) do nothing
     returning ${GESTURE_COLUMNS}`,
    [
      record.id,
      record.agentId,
      idempotencyKey,
      record.customerId,
      record.agentName ?? null,
      record.gesture,
      record.size,
      record.currency ?? null,
      record.reason,
      record.channel,
      record.status,
      new Date(record.at),
      record.rule ?? null,
      record.decidedBy ?? null,
      record.decidedBy ? new Date(record.at) : null,
      record.comment ?? null,
    ],
  );
  return rows[0] ? recordOf(rows[0]) : null;
}

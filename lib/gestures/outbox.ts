import Dexie, { type EntityTable } from 'dexie';
import { type FeedConfig, FeedError, fetchMe, postGesture } from '../feed/client';
import { type GestureRecord, gestureRecordSchema } from '../policy/schema';

/** A gesture granted or asked for in this browser, kept until the feed acknowledges it. */
export interface OutboxItem {
  /** The Idempotency-Key: the feed stores the gesture once whatever the number of attempts. */
  key: string;
  body: {
    customerId: string;
    gesture: GestureRecord['gesture'];
    size: number;
    currency?: string;
    reason: string;
    channel: GestureRecord['channel'];
    approval: boolean;
  };
  /** Who granted it (`/v1/me`): it is only ever sent under their token. */
  agentId: string;
  agentName: string;
  createdAt: string;
  attempts: number;
  /** Set when the feed refused it for good (400, 404, 409, 422): it is no longer retried. */
  error?: string;
}

/**
 * Gestures, in their own database (a wipe of the customer cache must not lose an unsent gesture): the outbox, and the
 * feed's answers (history of every channel, last fetched), so budgets still count while offline.
 */
export class GesturesDb extends Dexie {
  outbox!: EntityTable<OutboxItem, 'key'>;
  known!: EntityTable<GestureRecord, 'id'>;

  constructor(name = 'reconnu-gestures') {
    super(name);
    this.version(1).stores({ outbox: 'key, createdAt, agentId', known: 'id, customerId, agentId, status, at' });
  }
}

/** An unsent outbox item as the history shows it, so the panel counts it at once (offline too). */
export function asRecord(item: OutboxItem): GestureRecord {
  return {
    id: `local:${item.key}`,
    customerId: item.body.customerId,
    agentId: item.agentId,
    agentName: item.agentName,
    gesture: item.body.gesture,
    size: item.body.size,
    currency: item.body.currency,
    reason: item.body.reason,
    channel: item.body.channel,
    status: item.body.approval ? 'pending' : 'granted',
    at: item.createdAt,
  };
}

export type DeliveryResult = { sent: number; failed: number; error?: string };

/**
 * How long a gesture granted by someone else waits for them to sign in again on this browser; then it is dropped
 * (it is never sent under another user's token, and a shared machine should not keep it for ever).
 */
export const KEPT_FOR_GRANTER_DAYS = 30;

/**
 * Sends every unacknowledged gesture of the signed-in user (asked of the feed with the token used to send), oldest
 * first, each with its Idempotency-Key. A gesture leaves the outbox only once the feed answered it (2xx) — on the sync
 * alarm, coming back online and every worker start, so it survives offline time and restarts; a lost answer is
 * harmless since the key makes the retry answer the same record. Other users' gestures wait for them.
 */
export async function deliverOutbox(db: GesturesDb, config: FeedConfig, now = new Date()): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  const cutoff = new Date(now.getTime() - KEPT_FOR_GRANTER_DAYS * 86_400_000).toISOString();
  const items = await db.outbox.orderBy('createdAt').toArray();
  if (!items.some((item) => !item.error)) return result;
  let me: string;
  try {
    me = (await fetchMe(config)).id;
  } catch (error) {
    return { ...result, error: (error as Error).message };
  }
  for (const item of items) {
    if (item.agentId !== me) {
      if (item.createdAt < cutoff) await db.outbox.delete(item.key);
      continue;
    }
    if (item.error) continue;
    try {
      const record = gestureRecordSchema.parse(await postGesture(config, item.body, item.key));
      await db.transaction('rw', db.outbox, db.known, async () => {
        await db.known.put(record);
        await db.outbox.delete(item.key);
      });
      result.sent++;
    } catch (error) {
      const final = error instanceof FeedError && [400, 404, 409, 422].includes(error.status ?? 0);
      await db.outbox.update(item.key, { attempts: item.attempts + 1, ...(final && { error: error.message }) });
      result.failed++;
      result.error = (error as Error).message;
      if (!final) break; // the feed is unreachable or busy: try again later, in order
    }
  }
  return result;
}

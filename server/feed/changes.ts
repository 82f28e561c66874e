// One page of the change feed, read in a single snapshot so the feed head, the rows and `remaining` agree.
import type { Database, Queryable } from '../db/database';
import { decodeCursor, encodeCursor, type FeedPosition } from './cursor';

export interface ChangesPage {
  /** The page as JSON text: stored bodies are spliced in rather than parsed and serialized again. */
  json: string;
  count: number;
}

/** Why a cursor cannot be served; the client then syncs again from scratch. */
export class CursorGoneError extends Error {
  constructor(
    readonly reason: 'expired' | 'unknown',
    message: string,
  ) {
    super(message);
  }
}

interface FeedState {
  epoch: string;
  head_seq: number;
  purged_through_seq: number;
}

interface ChangeRow {
  id: string;
  seq: number;
  deleted_at: Date | null;
  body: string | null;
}

function positionOf(state: FeedState, cursor: string | undefined): FeedPosition {
  if (cursor === undefined) return { after: 0, snapshot: state.head_seq };
  const position = decodeCursor(state.epoch, cursor);
  if (!position || position.after > state.head_seq || position.snapshot > state.head_seq) {
    throw new CursorGoneError(
      'unknown',
      'This cursor was not issued by this hub. Sync again from the start (no cursor).',
    );
  }
  if (state.purged_through_seq > Math.max(position.after, position.snapshot)) {
    throw new CursorGoneError(
      'expired',
      'This cursor is older than the deletions the hub keeps. Sync again from the start (no cursor).',
    );
  }
  return position;
}

const LIVE_OR_RECENT = '(deleted_at is null or seq > $2)';

async function readPage(tx: Queryable, cursor: string | undefined, limit: number): Promise<ChangesPage> {
  const { rows: states } = await tx.query<FeedState>('select epoch, head_seq, purged_through_seq from feed_state');
  const state = states[0];
  if (!state) throw new Error('feed_state is empty: the migrations did not run');
  const position = positionOf(state, cursor);
  const { rows } = await tx.query<ChangeRow>(
    `select id, seq, deleted_at, body::text as body from customers
     where seq > $1 and ${LIVE_OR_RECENT} order by seq limit $3`,
    [position.after, position.snapshot, limit],
  );
  const last = rows.at(-1)?.seq ?? position.after;
  const { rows: counts } = await tx.query<{ remaining: number }>(
    `select count(*)::int8 as remaining from customers where seq > $1 and ${LIVE_OR_RECENT}`,
    [last, position.snapshot],
  );
  const remaining = counts[0]?.remaining ?? 0;
  // On the last page the client is level with the head: later pages carry every change, deletions included.
  const next =
    remaining > 0
      ? { after: last, snapshot: position.snapshot }
      : { after: Math.max(last, state.head_seq), snapshot: 0 };
  const changes = rows.map(
    (row) => row.body ?? JSON.stringify({ id: row.id, deleted: true, deletedAt: row.deleted_at?.toISOString() }),
  );
  const rest = JSON.stringify({ cursor: encodeCursor(state.epoch, next), more: remaining > 0, remaining });
  return { json: `{"changes":[${changes.join(',')}],${rest.slice(1)}`, count: rows.length };
}

export function readChanges(db: Database, options: { cursor?: string; limit: number }): Promise<ChangesPage> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return readPage(tx, options.cursor, options.limit);
  });
}

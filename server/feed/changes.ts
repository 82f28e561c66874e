// One page of the change feed, read in a single snapshot so the feed head, the rows and `remaining` agree.
import type { Database, Queryable, SqlValue } from '../db/database';
import type { ScopeFilter } from '../scopes/filter';
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
  /** When the customer was deleted, or left the reader's scope. */
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

/** Which rows a reader gets, and which of them whole (the others as a Deletion). */
function visibility(scope: ScopeFilter | undefined): { where: string; body: string; deletedAt: string } {
  if (!scope) return { where: LIVE_OR_RECENT, body: 'body::text', deletedAt: 'deleted_at' };
  const live = `(deleted_at is null and ${scope.live})`;
  return {
    where: `(${live} or (seq > $2 and (deleted_at is not null or (left_seq > $2 and ${scope.ever}))))`,
    body: `case when ${live} then body::text end`,
    deletedAt: 'coalesce(deleted_at, changed_at)',
  };
}

/**
 * How many changes follow this page: counted at the start of a round, then carried in the cursor and decreased page
 * by page. Changes written during the round come on top of the count, so `more` (not this) says whether to go on.
 */
async function remainingAfter(
  tx: Queryable,
  options: { position: FeedPosition; last: number; page: number; shown: { where: string }; scopeParams: SqlValue[] },
): Promise<number> {
  const { position, last, page, shown, scopeParams } = options;
  if (position.remaining !== undefined) return Math.max(1, position.remaining - page);
  const { rows } = await tx.query<{ remaining: number }>(
    `select count(*)::int8 as remaining from customers where seq > $1 and ${shown.where}`,
    [last, position.snapshot, ...scopeParams],
  );
  return Math.max(1, rows[0]?.remaining ?? 0);
}

async function readPage(
  tx: Queryable,
  cursor: string | undefined,
  limit: number,
  scope: ScopeFilter | undefined,
): Promise<ChangesPage> {
  const { rows: states } = await tx.query<FeedState>('select epoch, head_seq, purged_through_seq from feed_state');
  const state = states[0];
  if (!state) throw new Error('feed_state is empty: the migrations did not run');
  const position = positionOf(state, cursor);
  const shown = visibility(scope);
  const scopeParams = scope?.params ?? [];
  // One row more than the page tells whether another page follows.
  const { rows: fetched } = await tx.query<ChangeRow>(
    `select id, seq, ${shown.deletedAt} as deleted_at, ${shown.body} as body from customers
     where seq > $1 and ${shown.where} order by seq limit $${3 + scopeParams.length}`,
    [position.after, position.snapshot, ...scopeParams, limit + 1],
  );
  const more = fetched.length > limit;
  const rows = more ? fetched.slice(0, limit) : fetched;
  const last = rows.at(-1)?.seq ?? position.after;
  const remaining = more ? await remainingAfter(tx, { position, last, page: rows.length, shown, scopeParams }) : 0;
  // On the last page the client holds every row as of the head: the next round starts there.
  const head = Math.max(last, state.head_seq);
  const next = more ? { after: last, snapshot: position.snapshot, remaining } : { after: head, snapshot: head };
  const changes = rows.map(
    (row) => row.body ?? JSON.stringify({ id: row.id, deleted: true, deletedAt: row.deleted_at?.toISOString() }),
  );
  const rest = JSON.stringify({ cursor: encodeCursor(state.epoch, next), more, remaining });
  return { json: `{"changes":[${changes.join(',')}],${rest.slice(1)}`, count: rows.length };
}

export interface ReadChangesOptions {
  cursor?: string;
  limit: number;
  /** The reader's scope (server/scopes/filter.ts, parameters from $3); none: every customer. */
  scope?: ScopeFilter;
}

export function readChanges(db: Database, options: ReadChangesOptions): Promise<ChangesPage> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return readPage(tx, options.cursor, options.limit, options.scope);
  });
}

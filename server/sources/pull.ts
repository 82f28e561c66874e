// One pull of a platform source: the connector's pages from the stored cursor until it rests, each applied with the
// push module in one transaction with the cursor, so a hub killed mid-pull resumes at the last page it committed.
import { createConnector } from '../../lib/connectors/registry';
import type { SourceContext } from '../../lib/connectors/types';
import { FeedError } from '../../lib/feed/client';
import type { Database } from '../db/database';
import { applyChanges } from '../feed/push';
import type { ScopeRules } from '../scopes/rules';
import type { Sealer } from '../secrets/sealer';
import { advance, LeaseLostError, newLeaseOwner, takeLease } from './lease';
import { openSettings } from './store';

/** Records asked of the connector per page; connectors may send fewer (Vendure: 100 customers). */
export const PULL_PAGE_SIZE = 500;
/** A pull stops after this many pages even if the connector has more; the next one goes on from its cursor. */
const MAX_PAGES_PER_PULL = 10_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

export interface PullOptions {
  db: Database;
  sealer: Sealer;
  rules: ScopeRules;
  id: string;
  signal?: AbortSignal;
}

export type PullOutcome =
  | { status: 'busy' }
  | { status: 'done'; pages: number; changes: number; rejected: number }
  | { status: 'failed'; pages: number; changes: number; rejected: number; error: string; retryInMs: number };

/** What may be kept and shown of a failure: a connector's own description (no record in it), else only its type. */
function describe(error: unknown): string {
  if (error instanceof FeedError) return error.message.slice(0, 500);
  return `The pull failed (${error instanceof Error ? error.name : typeof error}).`;
}

/** How long to wait before the next try: the platform's Retry-After, else doubling from 30 s up to an hour. */
export function retryDelayMs(error: unknown, failures: number, everyMinutes: number): number {
  if (error instanceof FeedError && error.retryable) {
    const backoff = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
    return Math.max(backoff, error.retryAfterMs ?? 0);
  }
  // Wrong credentials or settings: try again at the schedule, by when an admin may have fixed them.
  return everyMinutes * 60_000;
}

export async function pullSource(options: PullOptions): Promise<PullOutcome> {
  const { db, id } = options;
  const owner = newLeaseOwner();
  const lease = await takeLease(db, id, owner);
  if (!lease) return { status: 'busy' };
  const counts = { pages: 0, changes: 0, rejected: 0 };
  const context: SourceContext = {
    async storedIds() {
      const { rows } = await db.query<{ id: string }>(
        'select id from customers where source_id = $1 and deleted_at is null',
        [id],
      );
      return rows.map((row) => row.id);
    },
    now: () => options.rules.now(),
  };
  let cursor = lease.cursor;
  let more = true;
  try {
    const connector = createConnector(openSettings(options.sealer, lease), null);
    while (more && counts.pages < MAX_PAGES_PER_PULL) {
      const page = await connector.fetchChanges(cursor, PULL_PAGE_SIZE, options.signal, context);
      options.signal?.throwIfAborted();
      await db.transaction(async (tx) => {
        const result = await applyChanges(tx, page.changes, { rules: options.rules, sourceId: id });
        const changes = result.accepted - result.unchanged;
        await advance(tx, { id, owner }, { cursor: page.cursor, changes, rejected: result.rejected.length });
        counts.changes += changes;
        counts.rejected += result.rejected.length;
      });
      counts.pages += 1;
      cursor = page.cursor;
      more = page.more;
    }
    await db.query(
      `update sources set failures = 0, last_success_at = now(), last_error = null, lease_owner = null,
         lease_until = null, next_run_at = case when $3 then now() else now() + make_interval(mins => every_minutes) end
       where id = $1 and lease_owner = $2`,
      [id, owner, more],
    );
    return { status: 'done', ...counts };
  } catch (error) {
    if (error instanceof LeaseLostError) return { status: 'busy' };
    const aborted = options.signal?.aborted === true;
    const failures = lease.failures + (aborted ? 0 : 1);
    const retryInMs = aborted ? 0 : retryDelayMs(error, failures, lease.every_minutes);
    // A cursor the connector cannot read (400) is dropped: the next pull reads the platform from the start.
    const forget = error instanceof FeedError && error.status === 400;
    await db.query(
      `update sources set failures = $3, last_error = case when $6 then last_error else $4 end,
         next_run_at = now() + make_interval(secs => $5::float8 / 1000), lease_owner = null, lease_until = null,
         cursor = case when $7 then null else cursor end
       where id = $1 and lease_owner = $2`,
      [id, owner, failures, describe(error), retryInMs, aborted, forget],
    );
    return { status: 'failed', ...counts, error: aborted ? 'The pull was stopped.' : describe(error), retryInMs };
  }
}

import type { SourceConnector, SourceContext } from '../connectors/types';
import { span } from '../debug/timing';
import { FeedError } from '../feed/client';
import { type Change, type ChangesPage, isDeletion } from '../feed/schema';
import {
  applyPage,
  compactIndex,
  finishResync,
  isResyncing,
  locatePage,
  pruneBudget,
  pruneStaleCopies,
  purgeIndex,
  type QuarantinedRecord,
  type ReconnuDb,
  readCheckpoint,
  type SealedPage,
  sealPage,
  startResync,
  storedCustomerIds,
  type UnlockOutcome,
} from '../store';
import { backoffDelay, sleep } from './backoff';
import { feedNotice, type SyncNotice, type SyncStatus } from './status';
import { validateChanges } from './validate';

export interface SyncDeps {
  db: ReconnuDb;
  /** Where pages of changes come from: the Reconnu feed or a platform connector (connectors/registry.ts). */
  source: Pick<SourceConnector, 'fetchChanges'>;
  publish: (status: SyncStatus) => Promise<void> | void;
  /** Makes the store's key available first (store/unlock.ts); without it the store must already be unlocked. */
  unlock?: () => Promise<UnlockOutcome>;
  pageSize?: number;
  maxAttempts?: number;
  now?: () => Date;
  /** Delay before retry number `attempt`; full-jitter exponential backoff by default. */
  retryDelay?: (attempt: number, retryAfterMs: number | null) => number;
  /** Called once a page that erased customers is committed, so cached views of them go in the same cycle. */
  onErased?: (ids: string[]) => Promise<void> | void;
}

/** Beyond this many index runs a long sync stops to compact, so lookups stay fast while it runs. */
const MAX_RUNS_WHILE_SYNCING = 24;

export type SyncOutcome =
  | { ok: true; applied: number }
  /** `revoked`: the feed refused the token itself (401 on /v1/me): the user is to be signed out. */
  | { ok: false; error: string; revoked?: true };

/** A feed's answer that our saved position is unknown (400) or too old for the deletions it still holds (410). */
const cursorRefused = (status: number | null) => status === 400 || status === 410;

/**
 * Pulls pages from the stored cursor until the feed says there is no more. Each page and its cursor land in one
 * transaction, so a worker killed mid-sync resumes from the last committed page: no gap, no duplicate.
 */
export async function runSync(deps: SyncDeps, signal?: AbortSignal): Promise<SyncOutcome> {
  const { db, source, publish } = deps;
  const now = deps.now ?? (() => new Date());
  const context: SourceContext = { storedIds: () => storedCustomerIds(db), now };
  const unlocked = deps.unlock ? await deps.unlock() : { state: 'unlocked' as const };
  if (unlocked.state === 'locked') return reportLocked(deps, unlocked.error);
  const checkpoint = await readCheckpoint(db);
  let cursor = checkpoint.cursor;
  const status: SyncStatus = {
    state: 'syncing',
    customers: checkpoint.customers,
    done: 0,
    total: null,
    lastSuccessAt: checkpoint.lastSuccessAt,
    message: null,
    quarantined: await db.quarantine.count(),
  };
  await publish({ ...status });
  // Each page is validated, packed and sealed as soon as it arrives, while the previous page is being written.
  const fetchFrom = (from: string | null): Promise<Validated> =>
    fetchWithRetry(() => source.fetchChanges(from, deps.pageSize ?? 2000, signal, context), deps, status, signal)
      .then(async (fetched): Promise<Validated> => {
        if (!fetched.ok) return fetched;
        const syncedAt = now().toISOString();
        // Where these customers are stored is read while the page is validated (reads wait, validation computes).
        // A failed read is not reported here: applyPage reads again and reports it.
        const locating = locatePage(db, idsOf(fetched.value.changes)).catch(() => undefined);
        const { changes, quarantined } = validateChanges(fetched.value.changes, new Date(syncedAt));
        const sealed = await sealPage(db, { changes, quarantined, syncedAt });
        return { ...fetched, changes, quarantined, sealed: { ...sealed, located: await locating } };
      })
      .catch((error: Error): Validated => ({ ok: false, error: error.message, offline: false, status: null }));
  let next = fetchFrom(cursor);
  let more = true;
  let restarted = false;
  let resync = await isResyncing(db);
  while (more) {
    const page = await next;
    if (!page.ok && cursorRefused(page.status) && status.done === 0 && cursor !== null && !restarted) {
      // The feed no longer knows our cursor (its log was reset: 400), or the deletions since then are past its
      // retention (410 Gone): read it all again, then sweep what it no longer has. Versions make the re-read safe:
      // nothing older replaces what is stored.
      restarted = true;
      resync = true;
      cursor = null;
      await startResync(db, now().toISOString());
      next = fetchFrom(null);
      await publish({
        ...status,
        message: 'The feed rejected the saved position; syncing again from the start.',
        notice: { code: 'cursorReset' },
      });
      continue;
    }
    if (!page.ok) {
      await publish({
        ...status,
        state: page.offline ? 'offline' : 'error',
        message: page.error,
        notice: feedNotice(page),
      });
      return { ok: false, error: page.error };
    }
    // The next page downloads while this one is written.
    if (page.value.more) next = fetchFrom(page.value.cursor);
    const { changes, quarantined, sealed } = page;
    let result: Awaited<ReturnType<typeof applyPage>>;
    try {
      const { syncedAt } = sealed;
      result = await span('sync.apply', () =>
        applyPage(db, { changes, quarantined, cursor: page.value.cursor, syncedAt, resync }, sealed),
      );
    } catch (error) {
      // The page's transaction rolled back: what was stored before is intact and the cursor did not move.
      const message = describeStorageError(error as Error);
      const notice: SyncNotice = { code: message.includes('storage quota') ? 'quota' : 'storage' };
      await publish({ ...status, state: 'error', message, notice });
      return { ok: false, error: message };
    }
    const erased = changes.filter(isDeletion).map((change) => change.id);
    if (erased.length > 0) await deps.onErased?.(erased);
    cursor = page.value.cursor;
    more = page.value.more;
    status.done += page.value.changes.length;
    status.total = page.value.remaining === undefined ? null : status.done + page.value.remaining;
    status.customers = result.customers;
    status.quarantined += quarantined.length;
    await publish({ ...status, state: 'syncing', message: null, notice: undefined });
    if (result.indexRuns > MAX_RUNS_WHILE_SYNCING) await span('sync.compactWhileSyncing', () => compactIndex(db));
  }
  if (resync) status.customers -= await finishResync(db);
  // The runs this sync added are folded into the index's larger runs, so lookups read few blocks.
  await span('sync.compact', () => compactIndex(db));
  const lastSuccessAt = now().toISOString();
  await db.meta.put({ ...(await readCheckpoint(db)), lastSuccessAt });
  status.quarantined = await db.quarantine.count();
  await publish({ ...status, state: 'idle', lastSuccessAt, message: null, notice: undefined });
  // Lookups already see only latest copies and never erased ones (reads check the segments): removing superseded
  // copies (a budget per run, copies.ts), then every index entry left pointing at nothing (erased or pruned,
  // purge.ts), is housekeeping, done once up to date but before the run ends, each index block rewritten once.
  const budget = await pruneBudget(db);
  await span('sync.prune', () => pruneStaleCopies(db, budget));
  await span('sync.purge', () => purgeIndex(db));
  return { ok: true, applied: status.done };
}

/** The ids a raw page names (records without a string id are quarantined: nothing to locate). */
function idsOf(raw: unknown[]): string[] {
  const ids: string[] = [];
  for (const record of raw) {
    const id = (record as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

/** The key could not be had from the feed: the store stays as it is, unreadable, until the next sync tries again. */
async function reportLocked({ db, publish }: SyncDeps, error: Error): Promise<SyncOutcome> {
  const checkpoint = await readCheckpoint(db);
  const offline = error instanceof FeedError && error.status === null;
  const message = `The local store is locked until the feed provides its key (${error.message})`;
  await publish({
    state: offline ? 'offline' : 'error',
    customers: checkpoint.customers,
    done: 0,
    total: null,
    lastSuccessAt: checkpoint.lastSuccessAt,
    message,
    notice: { code: 'locked' },
    quarantined: await db.quarantine.count(),
  });
  return { ok: false, error: message };
}

function describeStorageError(error: Error): string {
  const quota =
    error.name === 'QuotaExceededError' || (error as { inner?: Error }).inner?.name === 'QuotaExceededError';
  return quota
    ? 'The browser refused to store more data (storage quota). Nothing stored was lost; free disk space and sync again.'
    : `Could not store the synced data: ${error.message}`;
}

type Failed = { ok: false; error: string; offline: boolean; status: number | null };
type Fetched = { ok: true; value: ChangesPage } | Failed;
type Validated =
  | { ok: true; value: ChangesPage; changes: Change[]; quarantined: QuarantinedRecord[]; sealed: SealedPage }
  | Failed;

async function fetchWithRetry(
  fetchOnce: () => Promise<ChangesPage>,
  deps: SyncDeps,
  status: SyncStatus,
  signal?: AbortSignal,
): Promise<Fetched> {
  const maxAttempts = deps.maxAttempts ?? 8;
  for (let attempt = 0; ; attempt++) {
    try {
      return { ok: true, value: await fetchOnce() };
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      const offline = error.status === null;
      if (!error.retryable || attempt + 1 >= maxAttempts) {
        return { ok: false, error: error.message, offline, status: error.status };
      }
      const delay = (deps.retryDelay ?? backoffDelay)(attempt, error.retryAfterMs);
      await deps.publish({
        ...status,
        state: offline ? 'offline' : 'retrying',
        message: error.message,
        notice: feedNotice({ offline, status: error.status }),
      });
      await sleep(delay, signal);
    }
  }
}

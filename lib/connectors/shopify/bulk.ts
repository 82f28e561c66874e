import { FeedError } from '../../feed/client';
import { customerOfGroup, isReadable } from './bulk-groups';
import { ExpiredUrlError, type JsonlPage, readGroups } from './jsonl';
import { BULK_CUSTOMERS_QUERY, BULK_RUN_MUTATION, BULK_STATUS_QUERY, CURRENT_BULK_QUERY } from './queries';
import { type BulkState, cycleFrom, initialState } from './state';
import { mapCustomers, type Step, type StepContext, sweepDueAfter } from './step';

/*
 * The first full sync: one bulk operation exports every customer with their orders and lines; the connector polls
 * it, then streams its JSONL file page by page. The cursor keeps the operation id, the file URL and the offset, so a
 * killed worker resumes where it was (asking Shopify for a fresh URL if the signed one expired). Afterwards the
 * incremental cycles start from the operation's `createdAt`, which covers every change made while it ran.
 */

interface BulkOperation {
  id: string;
  status: string;
  errorCode: string | null;
  createdAt: string;
  rootObjectCount: string | number;
  url: string | null;
  query?: string;
}

/** Customers per page from the file: each brings up to 5 orders, and refunds are read for some. */
const BULK_PAGE = 250;
const POLLS_PER_CALL = 8;
const MAX_POLL_DELAY_MS = 10_000;
const MAX_FAILURES = 3;
/** Another bulk query of this app is running (another agent's browser, or the merchant): try again then. */
const BUSY_RETRY_MS = 60_000;
const sameQuery = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

export async function bulkStep(context: StepContext, state: BulkState, limit: number, signal?: AbortSignal) {
  if (state.op === null) return startBulk(context, state, limit, signal);
  if (state.url === null) return pollBulk(context, state, limit, signal);
  return readPage(context, state, limit, signal);
}

async function startBulk(context: StepContext, state: BulkState, limit: number, signal?: AbortSignal): Promise<Step> {
  const now = context.source.now();
  if (state.failures >= MAX_FAILURES) {
    // Bulk exports keep failing (e.g. timeouts on a huge shop): read every customer page by page instead. Orders
    // changed from a little before now are re-read after, in case this browser's clock is behind Shopify's.
    console.warn('Reconnu: Shopify bulk exports keep failing; reading customers page by page instead.');
    const ordersSince = new Date(now.getTime() - 10 * 60_000).toISOString();
    return { changes: [], next: cycleFrom(null, ordersSince, sweepDueAfter(now, 0)), more: true };
  }
  const { data } = await context.client.query<{
    bulkOperationRunQuery: {
      bulkOperation: { id: string; createdAt: string } | null;
      userErrors: { message: string; code: string | null }[];
    };
  }>(BULK_RUN_MUTATION, { query: BULK_CUSTOMERS_QUERY }, signal);
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  const busy = userErrors.find((error) => error.code === 'OPERATION_IN_PROGRESS' || error.code === 'LIMIT_REACHED');
  if (busy) return adoptRunning(context, state, busy.message, limit, signal);
  if (userErrors.length > 0 || !bulkOperation) {
    const reasons = userErrors.map((error) => error.message).join('; ') || 'no operation was created';
    throw new FeedError(`Shopify refused the bulk export of customers: ${reasons}.`, 200, false);
  }
  const started = { ...state, op: bulkOperation.id, startedAt: bulkOperation.createdAt };
  return pollBulk(context, started, limit, signal);
}

/** Shopify runs one bulk query per app at a time (before 2026-01): join ours if it is the one running. */
async function adoptRunning(
  context: StepContext,
  state: BulkState,
  message: string,
  limit: number,
  signal?: AbortSignal,
): Promise<Step> {
  const { data } = await context.client.query<{ currentBulkOperation: BulkOperation | null }>(
    CURRENT_BULK_QUERY,
    {},
    signal,
  );
  const current = data.currentBulkOperation;
  const ours = current?.query !== undefined && sameQuery(current.query, BULK_CUSTOMERS_QUERY);
  if (current && ours && ['CREATED', 'RUNNING', 'COMPLETED'].includes(current.status)) {
    return pollBulk(context, { ...state, op: current.id, startedAt: current.createdAt }, limit, signal);
  }
  throw new FeedError(
    `Another bulk export of this app is running on the shop (${message}); Reconnu starts its own once it ends.`,
    409,
    true,
    BUSY_RETRY_MS,
  );
}

async function operation(context: StepContext, id: string, signal?: AbortSignal): Promise<BulkOperation | null> {
  const { data } = await context.client.query<{ node: BulkOperation | null }>(BULK_STATUS_QUERY, { id }, signal);
  return data.node;
}

/** Failed, canceled or expired: start a new export (after 3 in a row, startBulk reads page by page instead). */
function restart(state: BulkState, operationState: BulkOperation | null): Step {
  const why = operationState ? `${operationState.status} ${operationState.errorCode ?? ''}`.trim() : 'gone';
  console.warn(`Reconnu: Shopify bulk export ${state.op} is ${why}; starting a new one.`);
  return { changes: [], next: { ...initialState(), failures: state.failures + 1 }, more: true };
}

/** Polls with growing delays; after a few polls the page ends empty, so the engine commits and reports progress. */
async function pollBulk(context: StepContext, state: BulkState, limit: number, signal?: AbortSignal): Promise<Step> {
  let delay = 1_000;
  for (let poll = 0; poll < POLLS_PER_CALL; poll++) {
    if (poll > 0) {
      await context.client.sleep(delay, signal);
      delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
    }
    const current = await operation(context, state.op as string, signal);
    if (!current || ['FAILED', 'CANCELED', 'CANCELING', 'EXPIRED'].includes(current.status)) {
      return restart(state, current);
    }
    if (current.status === 'COMPLETED') {
      // No URL: the export is empty (a shop without customers).
      if (!current.url) return { changes: [], next: afterBulk(context, state), more: true };
      const total = Number(current.rootObjectCount);
      const ready = { ...state, url: current.url, total: Number.isSafeInteger(total) ? total : null };
      return readPage(context, ready, limit, signal);
    }
  }
  return { changes: [], next: state, more: true };
}

async function readPage(context: StepContext, state: BulkState, limit: number, signal?: AbortSignal): Promise<Step> {
  const max = Math.max(1, Math.min(limit, BULK_PAGE));
  let page: JsonlPage;
  let current = state;
  try {
    page = await readGroups(state.url as string, state, max, signal);
  } catch (error) {
    if (!(error instanceof ExpiredUrlError)) throw error;
    // Signed URLs expire: the operation gives a fresh one while its results are kept (7 days).
    const refreshed = await operation(context, state.op as string, signal);
    if (refreshed?.status !== 'COMPLETED' || !refreshed.url) return restart(state, refreshed);
    current = { ...state, url: refreshed.url };
    page = await readGroups(refreshed.url, state, max, signal).catch((again: unknown) => {
      if (!(again instanceof ExpiredUrlError)) throw again;
      throw new FeedError(`Shopify's bulk export cannot be downloaded (${again.status}).`, again.status, true);
    });
  }
  const nodes = page.groups.map(customerOfGroup);
  const readable = await mapCustomers(context, nodes.filter(isReadable), signal);
  const changes = nodes.map((node) => (isReadable(node) ? readable.shift() : node));
  const emitted = current.emitted + page.groups.length;
  if (page.done) return { changes, next: afterBulk(context, current), more: true };
  const next = { ...current, byte: page.byte, line: page.line, emitted };
  const remaining = current.total === null ? undefined : Math.max(0, current.total - emitted);
  return { changes, next, more: true, remaining };
}

function afterBulk(context: StepContext, state: BulkState) {
  const now = context.source.now();
  const since = state.startedAt ?? now.toISOString();
  return cycleFrom(since, since, sweepDueAfter(now, 0));
}

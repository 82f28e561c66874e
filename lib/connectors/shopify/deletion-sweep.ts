import type { Deletion } from '../../feed/schema';
import { deletionsOf } from '../sweep';
import type { Connection } from './nodes';
import { CUSTOMER_IDS_QUERY, SWEEP_IDS_PER_REQUEST } from './queries';
import type { CycleState } from './state';
import { type Step, type StepContext, sweepDueAfter } from './step';

const SWEEP_PAGES_PER_CALL = 8;
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/(\d+)$/;

/**
 * Shopify does not list deleted customers: the sweep pages through every live customer id in id order and compares
 * each page with the stored ids *in the same id range* (above the previous page's last id, up to this page's), so
 * it keeps no list of live ids and resumes from its cursor. Stored ids are read first (see ../sweep.ts).
 *
 * Period: a sweep starts at most every 15 minutes, and waits a minute per page (250 ids) it read, so large shops
 * are swept less often (100,000 customers: 400 pages, every ~7 hours) and a sweep spends on average about 4 points
 * a second of the store's budget, whatever its size.
 */
export async function sweepStep(context: StepContext, state: CycleState, signal?: AbortSignal): Promise<Step> {
  const stored = (await context.source.storedIds()).flatMap((id) => {
    const match = CUSTOMER_GID.exec(id);
    return match ? [{ id, n: Number(match[1]) }] : [];
  });
  const now = context.source.now();
  let { after, floor, pages } = state.sweep;
  const changes: Deletion[] = [];
  for (let call = 0; call < SWEEP_PAGES_PER_CALL; call++) {
    const { data } = await context.client.query<{ customers: Connection<{ id: string }> }>(
      CUSTOMER_IDS_QUERY,
      { first: SWEEP_IDS_PER_REQUEST, after },
      signal,
    );
    const page = data.customers;
    const live = new Set(page.nodes.map((node) => node.id));
    const last = !page.pageInfo.hasNextPage;
    const numbers = page.nodes.map((node) => Number(CUSTOMER_GID.exec(node.id)?.[1] ?? 0));
    const ceiling = last ? Number.POSITIVE_INFINITY : Math.max(floor, ...numbers);
    const inRange = stored.filter(({ n }) => n > floor && n <= ceiling).map(({ id }) => id);
    changes.push(...deletionsOf(inRange, live, now));
    pages++;
    if (last) {
      const sweep = { dueAt: sweepDueAfter(now, pages), after: null, floor: 0, pages: 0 };
      return { changes, next: { ...state, phase: 'customers', pass: null, sweep }, more: false };
    }
    after = page.pageInfo.endCursor;
    floor = ceiling;
  }
  return { changes, next: { ...state, sweep: { ...state.sweep, after, floor, pages } }, more: true };
}

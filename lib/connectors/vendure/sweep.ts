import type { Deletion } from '../../feed/schema';
import { deletionsOf } from '../sweep';
import type { SourceContext } from '../types';
import type { VendureQuery } from './client';
import { type AddressStamps, addIds, addToBuckets, bucketOf, changedBuckets, expandIds } from './fingerprints';
import { localId, vendureIdOf } from './map';
import { ADDRESS_STAMPS, ADMIN_LIST_LIMIT } from './queries';
import type { VendureState } from './state';

/** Customers listed per sweep request (ids and address stamps only). */
export const SWEEP_PAGE = 500;

type StampList = { customers: { totalItems: number; items: AddressStamps[] } };

/**
 * One page of the sweep: every live customer, by id, with its addresses' ids and timestamps. After the last page,
 * stored customers no longer listed are confirmed gone (a customer deleted while the sweep pages by offset shifts
 * the pages, so one never listed may still be live) and erased; customers whose address bucket changed are read again.
 */
export async function sweepStep(
  query: VendureQuery,
  state: VendureState,
  context: SourceContext,
  signal: AbortSignal | undefined,
): Promise<{ state: VendureState; deletions: Deletion[] }> {
  const startedAt = state.sweep.startedAt ?? context.now().getTime();
  const sweep = { ...state.sweep, startedAt };
  const { data } = await query<StampList>(
    ADDRESS_STAMPS,
    { options: { skip: sweep.skip, take: SWEEP_PAGE, sort: { id: 'ASC' } } },
    signal,
  );
  const items = data.customers.items;
  const sums = addToBuckets(sweep.sums, items);
  const live = addIds(
    sweep.live,
    items.map((item) => item.id),
  );
  if (items.length === SWEEP_PAGE) {
    return { state: { ...state, sweep: { ...sweep, skip: sweep.skip + items.length, sums, live } }, deletions: [] };
  }

  // Stored ids are read after the listing: this run's customers pass, which stored any new customer, came before it.
  const stored = (await context.storedIds()).filter((id) => vendureIdOf(id) !== null);
  const liveIds = new Set(expandIds(live));
  const missing = stored.flatMap((id) => {
    const vendureId = vendureIdOf(id);
    return vendureId !== null && !liveIds.has(vendureId) ? [vendureId] : [];
  });
  for (const id of await stillLive(query, missing, signal)) liveIds.add(id);
  const deletions = deletionsOf(stored, new Set([...liveIds].map(localId)), context.now());
  const changed = changedBuckets(sweep.previous, sums);
  const refresh = changed.size ? [...liveIds].filter((id) => changed.has(bucketOf(id))) : [];
  return {
    state: {
      ...state,
      phase: refresh.length ? 'refresh' : 'idle',
      refresh,
      sweep: {
        lastAt: context.now().getTime(),
        skip: 0,
        live: '',
        sums: [],
        previous: sums,
        startedAt: null,
        tookMs: context.now().getTime() - startedAt,
      },
    },
    deletions,
  };
}

async function stillLive(query: VendureQuery, ids: string[], signal: AbortSignal | undefined): Promise<string[]> {
  const found: string[] = [];
  for (let start = 0; start < ids.length; start += ADMIN_LIST_LIMIT) {
    const chunk = ids.slice(start, start + ADMIN_LIST_LIMIT);
    const { data } = await query<StampList>(
      ADDRESS_STAMPS,
      { options: { filter: { id: { in: chunk } }, take: chunk.length } },
      signal,
    );
    found.push(...data.customers.items.map((item) => item.id));
  }
  return found;
}

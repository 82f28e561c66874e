import { z } from 'zod';
import type { WooPage } from './client';
import { idOf } from './wire';

/** Where a listing sorted by id ascending stands: the offset of the next record and the highest id already read. */
export const pagerSchema = z.object({
  offset: z.number().int().nonnegative(),
  lastId: z.number().int().nonnegative(),
});
export type Pager = z.infer<typeof pagerSchema>;

export const startPager: Pager = { offset: 0, lastId: 0 };

export interface PagerStep<T> {
  /** Records not read before (id above the pager's lastId), in id order. */
  fresh: T[];
  /** The ids this step vouches for: every live id in (previous lastId, `coveredTo`] is in `fresh`. */
  coveredTo: number;
  next: Pager;
  done: boolean;
  page: WooPage<T>;
}

/**
 * Offset paging that never skips a record. WooCommerce pages by offset (`page` is only `offset / per_page`), so a
 * record removed from the listing while it is read shifts every later one back, and the first record of the next
 * page would be skipped. Each request therefore starts one record early: when that overlap is no longer a record
 * already read (its id is above `lastId`), something before it was removed, and the pager steps back a page until
 * it overlaps again. Records created meanwhile get higher ids and come last: they are read, never skipped.
 */
export async function nextPage<T>(
  pager: Pager,
  perPage: number,
  fetchAt: (offset: number, perPage: number) => Promise<WooPage<T>>,
): Promise<PagerStep<T>> {
  let offset = Math.max(0, pager.offset - 1);
  for (;;) {
    const page = await fetchAt(offset, perPage);
    const first = page.items.length > 0 ? idOf(page.items[0]) : null;
    const overlaps = offset === 0 || (first !== null && first <= pager.lastId);
    if (overlaps) {
      const fresh = page.items.filter((item) => (idOf(item) ?? 0) > pager.lastId);
      const done = page.items.length < perPage;
      const lastId = Math.max(pager.lastId, ...fresh.map((item) => idOf(item) ?? 0));
      return {
        fresh,
        coveredTo: done ? Number.MAX_SAFE_INTEGER : lastId,
        next: { offset: offset + page.items.length, lastId },
        done,
        page,
      };
    }
    offset = Math.max(0, offset - perPage);
  }
}

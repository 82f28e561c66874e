import { z } from 'zod';

/**
 * Reads a Vendure list in `updatedAt` order, resumable from a small state, without missing a change.
 *
 * - `updatedAt` may be stored to the second (SQLite, MySQL): many records share an instant, and their order within it
 *   is not defined (Vendure applies several sort keys in schema order, id first, so "updatedAt then id" cannot be
 *   asked for). A full page ending at instant B may hold only some of B's records: the next page starts after the
 *   instant before B. A full page of B alone reads B on its own, sorted by id, paged with skip: the "window". A few
 *   records of overlap, found again by the last id read, make up for records leaving the window (updated meanwhile:
 *   they come back later, at their new time). Records read twice are sent twice: versions make that harmless.
 * - A record read during its own second may change again in that same second without its `updatedAt` moving: such
 *   "open" instants (not yet `OPEN_MARGIN_MS` in the past by the server's clock, which also absorbs a database whose
 *   clock differs from the server's) are remembered in `rewind`, and the next run starts again from the earliest one.
 */
export const pagerSchema = z.object({
  /** Exclusive lower bound: every record updated at or before it has been read (null: from the start). */
  since: z.string().nullable(),
  window: z.object({ at: z.string(), skip: z.number().int().nonnegative(), lastId: z.string().nullable() }).nullable(),
  rewind: z.string().nullable(),
});
export type PagerState = z.infer<typeof pagerSchema>;

export const initialPager: PagerState = { since: null, window: null, rewind: null };

/** What the pager asks of the list: items after an instant by updatedAt, or one instant's items by id. */
export type PagerRequest =
  | { kind: 'after'; after: string | null; take: number }
  | { kind: 'window'; start: string; end: string; skip: number; take: number };

export interface Stamped {
  id: string;
  updatedAt: string;
}

export interface PagerPage<T> {
  items: T[];
  totalItems: number;
  serverNow: number | null;
}

export const OPEN_MARGIN_MS = 5_000;
/** Records re-read at the start of each window page, to find the last one read even if some left the window. */
export const WINDOW_OVERLAP = 20;

const iso = (ms: number) => new Date(ms).toISOString();
const earliest = (a: string | null, b: string | null) =>
  a === null ? b : b === null || Date.parse(a) <= Date.parse(b) ? a : b;

export interface PagerStep<T> {
  state: PagerState;
  /** New items to emit (possibly some already sent: harmless). */
  items: T[];
  /** The pass reached the latest change. */
  done: boolean;
  /** Items left after this page, when the list said. */
  remaining?: number;
}

export async function pagerStep<T extends Stamped>(
  state: PagerState,
  take: number,
  fetchPage: (request: PagerRequest) => Promise<PagerPage<T>>,
  clientNow: number,
): Promise<PagerStep<T>> {
  const rewindFor = (page: PagerPage<T>, items: T[], rewind: string | null) => {
    const openFrom = (page.serverNow ?? clientNow) - OPEN_MARGIN_MS;
    const open = items.filter((item) => Date.parse(item.updatedAt) >= openFrom).map((item) => item.updatedAt);
    return open.reduce(earliest, rewind);
  };

  if (state.window) {
    const { at, skip, lastId } = state.window;
    // At most half a page of overlap, so each page moves on.
    const overlap = Math.min(skip, WINDOW_OVERLAP, Math.floor(take / 2));
    const page = await fetchPage({
      kind: 'window',
      start: iso(Date.parse(at) - 1),
      end: at,
      skip: skip - overlap,
      take,
    });
    const found = lastId === null ? -1 : page.items.findIndex((item) => item.id === lastId);
    const items = page.items.slice(found >= 0 ? found + 1 : overlap);
    const rewind = rewindFor(page, items, state.rewind);
    if (page.items.length < take) {
      return { state: { since: at, window: null, rewind }, items, done: false };
    }
    const last = page.items[page.items.length - 1] as T;
    const window = { at, skip: skip - overlap + page.items.length, lastId: last.id };
    return { state: { since: state.since, window, rewind }, items, done: false };
  }

  const page = await fetchPage({ kind: 'after', after: state.since, take });
  const rewind = rewindFor(page, page.items, state.rewind);
  const last = page.items[page.items.length - 1];
  if (!last) return { state: { ...state, rewind }, items: [], done: true, remaining: 0 };
  if (page.items.length < take) {
    return { state: { since: last.updatedAt, window: null, rewind }, items: page.items, done: true, remaining: 0 };
  }
  const remaining = Math.max(0, page.totalItems - page.items.length);
  // A full page: more records may share its last instant B. The next page starts just after the instant before B;
  // only a page that is all B reads B on its own, by id (the window).
  const lastAt = Date.parse(last.updatedAt);
  const before = page.items.filter((item) => Date.parse(item.updatedAt) < lastAt);
  const previous = before[before.length - 1];
  if (previous) {
    const next = { since: previous.updatedAt, window: null, rewind };
    return { state: next, items: before, done: false, remaining: page.totalItems - before.length };
  }
  const window = { at: last.updatedAt, skip: 0, lastId: null };
  return { state: { since: state.since, window, rewind }, items: page.items, done: false, remaining };
}

/** Where the next run starts: from the earliest instant that was still open when read. */
export function rewound(state: PagerState): PagerState {
  if (!state.rewind) return state;
  const before = iso(Date.parse(state.rewind) - 1);
  return { since: earliest(state.since, before), window: null, rewind: null };
}

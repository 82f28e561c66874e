import { describe, expect, it } from 'vitest';
import { nextPage, type Pager, startPager } from './pager';
import { dueScan, finishScan, initialState, MARGIN_MS, SCAN_EVERY_MS } from './state';

/** A listing sorted by id that the test changes between pages; it records the offsets asked for. */
function listing(ids: number[]) {
  const rows = ids.map((id) => ({ id }));
  const offsets: number[] = [];
  const fetchAt = async (offset: number, perPage: number) => {
    offsets.push(offset);
    return { items: rows.slice(offset, offset + perPage), total: rows.length, serverTime: null };
  };
  return { rows, offsets, fetchAt };
}

async function readAll(list: ReturnType<typeof listing>, perPage: number, between: (page: number) => void = () => {}) {
  let pager: Pager = startPager;
  const read: number[] = [];
  for (let page = 1; ; page++) {
    const step = await nextPage(pager, perPage, list.fetchAt);
    read.push(...step.fresh.map((row) => row.id));
    pager = step.next;
    if (step.done) return read;
    between(page);
  }
}

describe('nextPage', () => {
  it('reads every record once, each request overlapping the last record read', async () => {
    const list = listing([1, 2, 3, 4, 5, 6, 7]);
    expect(await readAll(list, 3)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(list.offsets).toEqual([0, 2, 4, 6]);
  });

  it('steps back when records already read were removed, so none is skipped', async () => {
    const list = listing([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const read = await readAll(list, 3, (page) => {
      if (page === 1) list.rows.splice(0, 3); // 1, 2 and 3 deleted after the first page
    });
    expect(read).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reads records created meanwhile: they come last', async () => {
    const list = listing([1, 2, 3, 4]);
    const read = await readAll(list, 2, (page) => {
      if (page === 1) list.rows.push({ id: 5 }, { id: 6 });
    });
    expect(read).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('vouches, page by page, for the id range it covered (the deletion sweep relies on it)', async () => {
    const list = listing([10, 20, 30]);
    const first = await nextPage(startPager, 2, list.fetchAt);
    expect([first.coveredTo, first.done]).toEqual([20, false]);
    const second = await nextPage(first.next, 2, list.fetchAt);
    expect([second.coveredTo, second.done]).toEqual([30, false]);
    const last = await nextPage(second.next, 2, list.fetchAt);
    expect([last.fresh, last.coveredTo, last.done]).toEqual([[], Number.MAX_SAFE_INTEGER, true]);
  });
});

describe('scan schedule', () => {
  const t0 = Date.parse('2026-03-02T09:00:00Z');

  it('sends everyone first and daily, looks for changes every 15 minutes, and spaces long scans', () => {
    const state = initialState();
    expect(dueScan(state, t0)).toEqual({ full: true });
    state.scan = { pager: startPager, full: true, serverStart: t0 - 5_000, clientStart: t0 };
    finishScan(state, t0 + 60_000);
    expect(state).toMatchObject({ customersSince: t0 - 5_000 - MARGIN_MS, ordersSince: t0 - 5_000 - MARGIN_MS });

    expect(dueScan(state, t0 + 60_000 + SCAN_EVERY_MS - 1)).toBeNull();
    expect(dueScan(state, t0 + 60_000 + SCAN_EVERY_MS)).toEqual({ full: false });
    expect(dueScan(state, t0 + 24 * 3_600_000)).toEqual({ full: true });

    state.scanMs = 3_600_000; // a scan took an hour: the next waits ten
    expect(dueScan(state, t0 + 60_000 + 9 * 3_600_000)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { initialPager, type PagerPage, type PagerRequest, type PagerState, pagerStep, rewound } from './pager';

/**
 * A list that behaves as Vendure's on SQLite: updatedAt to the second, "after" sorted by updatedAt with ties in an
 * order that changes between calls, the window sorted by id.
 */
class SecondList {
  rows = new Map<string, { id: string; updatedAt: string; rev: number }>();
  now = Date.parse('2026-03-01T10:00:30Z');
  private calls = 0;
  windows = 0;

  put(id: string, second: number) {
    const previous = this.rows.get(id);
    this.rows.set(id, {
      id,
      updatedAt: new Date(Date.parse('2026-03-01T10:00:00Z') + second * 1000).toISOString(),
      rev: (previous?.rev ?? 0) + 1,
    });
  }

  fetch = async (request: PagerRequest): Promise<PagerPage<{ id: string; updatedAt: string; rev: number }>> => {
    this.calls++;
    const all = [...this.rows.values()].map((row) => ({ ...row }));
    const at = (row: { updatedAt: string }) => Date.parse(row.updatedAt);
    if (request.kind === 'after') {
      const after = request.after === null ? Number.NEGATIVE_INFINITY : Date.parse(request.after);
      // Ties come back in a different order on every call.
      const salt = this.calls;
      const items = all
        .filter((row) => at(row) > after)
        .sort((a, b) => at(a) - at(b) || ((Number(a.id) * 7919 + salt) % 13) - ((Number(b.id) * 7919 + salt) % 13));
      return { items: items.slice(0, request.take), totalItems: items.length, serverNow: this.now };
    }
    this.windows++;
    const items = all
      .filter((row) => at(row) >= Date.parse(request.start) && at(row) <= Date.parse(request.end))
      .sort((a, b) => Number(a.id) - Number(b.id));
    return {
      items: items.slice(request.skip, request.skip + request.take),
      totalItems: items.length,
      serverNow: this.now,
    };
  };
}

/** Runs pager steps until the pass is done; returns what was emitted (id → latest rev seen) and the final state. */
async function pass(list: SecondList, state: PagerState, take: number, between?: (step: number) => void) {
  const seen = new Map<string, number>();
  let steps = 0;
  for (;;) {
    // The cursor survives as JSON (service worker killed between pages).
    const step = await pagerStep(JSON.parse(JSON.stringify(state)), take, list.fetch, list.now);
    for (const item of step.items) seen.set(item.id, Math.max(seen.get(item.id) ?? 0, item.rev));
    state = step.state;
    between?.(++steps);
    if (step.done) return { seen, state, steps };
    if (steps > 500) throw new Error('the pager does not progress');
  }
}

describe('pagerStep', () => {
  it('reads every record when hundreds share one second, more than a page holds', async () => {
    const list = new SecondList();
    for (let i = 1; i <= 350; i++) list.put(String(i), i <= 20 ? 1 : i <= 300 ? 2 : 3 + (i % 5));
    const { seen, state } = await pass(list, initialPager, 50);
    expect(seen.size).toBe(350);
    expect(state.since).toBe('2026-03-01T10:00:07.000Z');
    expect(state.window).toBeNull();
  });

  it('needs no window when pages end in seconds shared by fewer records than a page', async () => {
    const list = new SecondList();
    for (let i = 1; i <= 100; i++) list.put(String(i), Math.floor(i / 4));
    const { seen, steps } = await pass(list, initialPager, 10);
    expect(seen.size).toBe(100);
    expect(list.windows).toBe(0);
    expect(steps).toBeLessThan(15);
  });

  it('moves on with pages smaller than the overlap', async () => {
    const list = new SecondList();
    for (let i = 1; i <= 30; i++) list.put(String(i), 1);
    const { seen, steps } = await pass(list, initialPager, 4);
    expect(seen.size).toBe(30);
    expect(steps).toBeLessThan(30);
  });

  it('resumes from the saved state after the last page: only later changes come back', async () => {
    const list = new SecondList();
    for (let i = 1; i <= 40; i++) list.put(String(i), 1 + Math.floor(i / 10));
    const first = await pass(list, initialPager, 15);
    list.put('7', 9);
    list.put('41', 9);
    const second = await pass(list, rewound(first.state), 15);
    expect([...second.seen.keys()].sort()).toEqual(['41', '7']);
    expect(second.seen.get('7')).toBe(2);
  });

  it('misses nothing when records leave the window between two of its pages', async () => {
    const list = new SecondList();
    for (let i = 1; i <= 120; i++) list.put(String(i), 1);
    // After each page, three records already read in the busy second are updated (they move to second 8).
    let moved = 0;
    const { seen } = await pass(list, initialPager, 25, () => {
      for (const id of ['2', '3', '4', '30', '31', '32', '55', '56'].slice(moved, moved + 3)) list.put(id, 8);
      moved += 3;
    });
    expect(seen.size).toBe(120);
    for (const id of ['2', '3', '4', '30', '31', '32']) expect(seen.get(id)).toBe(2);
  });

  it('reads again, next run, a second that was still open: a change in the same second is not lost', async () => {
    const list = new SecondList();
    list.put('1', 29);
    list.put('2', 29);
    list.now = Date.parse('2026-03-01T10:00:29Z');
    const first = await pass(list, initialPager, 10);
    expect(first.state.rewind).toBe('2026-03-01T10:00:29.000Z');
    list.put('2', 29); // changed again within second 29: its updatedAt does not move
    list.now = Date.parse('2026-03-01T10:01:00Z');
    const next = rewound(first.state);
    expect(next.since).toBe('2026-03-01T10:00:28.999Z');
    const second = await pass(list, next, 10);
    expect(second.seen.get('2')).toBe(2);
    expect(second.state.rewind).toBeNull();
    // Closed now: the run after that reads nothing.
    const third = await pass(list, rewound(second.state), 10);
    expect(third.seen.size).toBe(0);
  });

  it('says how many records remain after a page, and ends on an empty list', async () => {
    const list = new SecondList();
    for (let i = 1; i <= 30; i++) list.put(String(i), i);
    const step = await pagerStep(initialPager, 10, list.fetch, list.now);
    // Nine are sent; the tenth, in the page's last second, comes again with the next page.
    expect(step.items).toHaveLength(9);
    expect(step.remaining).toBe(21);
    const empty = await pagerStep(initialPager, 10, new SecondList().fetch, list.now);
    expect(empty).toMatchObject({ items: [], done: true, state: initialPager });
  });
});

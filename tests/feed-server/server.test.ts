// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { type ChangesPage, changesPageSchema, isDeletion, meSchema, parseChange } from '../../lib/feed/schema';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';

const CUSTOMERS = 1234;
let feed: FeedServer;

beforeAll(async () => {
  feed = await startFeedServer({ port: 0, customers: CUSTOMERS, seed: 'server-test' });
});
afterAll(() => feed.close());
beforeEach(() => {
  feed.control.setFaults({});
});

function call(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
  const token = init.token === undefined ? feed.token : init.token;
  const headers = new Headers(init.headers);
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  return fetch(`${feed.url}${path}`, { ...init, headers });
}

async function page(cursor: string | null, limit = 500): Promise<ChangesPage> {
  const response = await call(`/v1/changes?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
  expect(response.status).toBe(200);
  return changesPageSchema.parse(await response.json());
}

/** Pages until more is false; returns every change in order and the final cursor. */
async function pageAll(from: string | null = null, limit = 500) {
  const changes: unknown[] = [];
  let cursor = from;
  for (;;) {
    const next = await page(cursor, limit);
    changes.push(...next.changes);
    cursor = next.cursor;
    if (!next.more) return { changes, cursor };
  }
}

function idsOf(changes: unknown[]): string[] {
  return changes.map((change) => (change as { id: string }).id);
}

async function truthOverHttp(): Promise<{ count: number; customers: [string, number][] }> {
  return (await call('/__control/truth')).json();
}

describe('authentication and roles', () => {
  it('answers 401 JSON without a valid bearer token', async () => {
    for (const token of [null, 'wrong-token']) {
      const response = await call('/v1/me', { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((await response.json()).error).toBe('unauthorized');
    }
  });

  it('tells each token its role on /v1/me', async () => {
    const roles = [];
    for (const token of [feed.token, `${feed.token}-store`, `${feed.token}-supervisor`]) {
      roles.push(meSchema.parse(await (await call('/v1/me', { token })).json()).role);
    }
    expect(roles).toEqual(['agent', 'store', 'supervisor']);
  });

  it('serves each token a stable storage secret of 32 bytes, and none to a feed started without them', async () => {
    const secretOf = async (token: string) => (await (await call('/v1/storage-key', { token })).json()).secret;
    const first = await secretOf(feed.token);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await secretOf(feed.token)).toBe(first);
    expect(await secretOf(`${feed.token}-store`)).not.toBe(first);
    expect((await call('/v1/storage-key', { token: 'wrong-token' })).status).toBe(401);
    const older = await startFeedServer({ customers: 1, seed: 'server-test', storageKeys: false });
    onTestFinished(() => older.close());
    const response = await fetch(`${older.url}/v1/storage-key`, {
      headers: { Authorization: `Bearer ${older.token}` },
    });
    expect(response.status).toBe(404);
  });

  it('answers CORS preflights and exposes Retry-After', async () => {
    const response = await call('/v1/changes', { method: 'OPTIONS', token: null });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });

  it('answers 400/404/405 JSON errors on bad input', async () => {
    expect((await call('/v1/nothing')).status).toBe(404);
    expect((await call('/v1/me', { method: 'POST' })).status).toBe(405);
    expect((await call('/v1/changes?limit=0')).status).toBe(400);
    expect((await call('/v1/changes?limit=abc')).status).toBe(400);
    expect((await call('/v1/audit', { method: 'POST', body: '{not json' })).status).toBe(400);
    expect((await call('/__control/mutate', { method: 'POST', body: '{"update":-1}' })).status).toBe(400);
    expect((await call('/__control/faults', { method: 'POST', body: '{"error500":2}' })).status).toBe(400);
  });
});

describe('change feed', () => {
  it('pages through exactly N unique, valid customers with a shrinking remaining count', async () => {
    const first = await page(null, 500);
    expect(first.changes).toHaveLength(500);
    expect(first.remaining).toBe(CUSTOMERS - 500);
    expect(first.more).toBe(true);
    const { changes } = await pageAll(null, 500);
    const ids = idsOf(changes);
    expect(ids).toHaveLength(CUSTOMERS);
    expect(new Set(ids).size).toBe(CUSTOMERS);
    expect(changes.every((change) => parseChange(change).ok)).toBe(true);
  });

  // Generating and serving 5,001 customers takes a few seconds on a busy shared machine: a longer timeout.
  it('uses 500 by default, caps the limit at 5000, and rejects foreign cursors', async () => {
    expect((await (await call('/v1/changes')).json()).changes).toHaveLength(500);
    const big = await startFeedServer({ customers: 5001, seed: 'cap', token: 'cap-token', gzip: true });
    try {
      const headers = { Authorization: 'Bearer cap-token', 'Accept-Encoding': 'gzip' };
      const response = await fetch(`${big.url}/v1/changes?limit=99999`, { headers });
      expect(response.headers.get('content-encoding')).toBe('gzip');
      const body = await response.json();
      expect(body.changes).toHaveLength(5000);
      expect(body).toMatchObject({ more: true, remaining: 1 });
    } finally {
      await big.close();
    }
    const forged = Buffer.from('v1:99999999').toString('base64url');
    for (const cursor of ['abc', forged, '!!!']) {
      const response = await call(`/v1/changes?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe('invalid_cursor');
    }
  }, 30_000);

  it('resumes from a cursor without gaps, and an older cursor only repeats', async () => {
    const first = await page(null, 300);
    const second = await page(first.cursor, 300);
    expect(idsOf(await page(first.cursor, 300).then((again) => again.changes))).toEqual(idsOf(second.changes));
    const rest = await pageAll(second.cursor, 300);
    const ids = idsOf([...first.changes, ...second.changes, ...rest.changes]);
    expect(new Set(ids).size).toBe(CUSTOMERS);
  });
});

describe('mutations', () => {
  it('serves updates, deletions and additions after the last cursor, once each, and compacts the log', async () => {
    const synced = await pageAll();
    const result = feed.control.mutate({ updateIds: ['cus_0000003'], update: 5, deleteIds: ['cus_0000010'], add: 3 });
    const second = await (
      await call('/__control/mutate', { method: 'POST', body: JSON.stringify({ updateIds: ['cus_0000003'] }) })
    ).json();
    expect(result.updated).toHaveLength(6);
    expect(result.deleted).toEqual(['cus_0000010']);
    expect(result.added).toHaveLength(3);
    expect(second.updated).toEqual(['cus_0000003']);

    const delta = await pageAll(synced.cursor);
    const deltaIds = idsOf(delta.changes);
    expect(new Set(deltaIds).size).toBe(deltaIds.length);
    const expected = new Set([...result.updated, ...result.deleted, ...result.added]);
    expect(new Set(deltaIds)).toEqual(expected);
    const byId = new Map(delta.changes.map((change) => [(change as { id: string }).id, change]));
    expect(byId.get('cus_0000003')).toMatchObject({ version: 3 });
    const deletion = parseChange(byId.get('cus_0000010'));
    expect(deletion.ok && isDeletion(deletion.change)).toBe(true);

    expect((await page(null, 400)).remaining).toBe(CUSTOMERS + 3 - 400);
    const scratch = await pageAll(null, 400);
    const scratchIds = idsOf(scratch.changes);
    expect(new Set(scratchIds).size).toBe(scratchIds.length);
    expect(scratchIds).toHaveLength(CUSTOMERS + 3);
    expect(scratch.changes.filter((change) => (change as { deleted?: boolean }).deleted)).toHaveLength(1);

    // Nothing new: the last cursor yields an empty, final page.
    const empty = await page(delta.cursor);
    expect(empty).toMatchObject({ changes: [], more: false, remaining: 0 });
  });

  it('never serves a prefetched page that a mutation made stale', async () => {
    const first = await page(null, 100); // the server now prefetches the next page
    const inNextPage = (first.changes[99] as { id: string }).id.replace(/\d+$/, (n) =>
      String(Number(n) + 50).padStart(7, '0'),
    );
    feed.control.mutate({ updateIds: [inNextPage] });
    const second = await page(first.cursor, 100);
    expect(idsOf(second.changes)).not.toContain(inNextPage);
    const rest = await pageAll(second.cursor, 1000);
    expect(rest.changes.filter((change) => (change as { id: string }).id === inNextPage)).toHaveLength(1);
  });

  it('reports the truth that a full paging reconstructs, over HTTP and in process', async () => {
    feed.control.mutate({ update: 4, delete: 2, add: 1 });
    const paged = new Map<string, number>();
    for (const change of (await pageAll(null, 700)).changes) {
      const parsed = parseChange(change);
      if (!parsed.ok) throw new Error(parsed.reason);
      if (isDeletion(parsed.change)) paged.delete(parsed.change.id);
      else paged.set(parsed.change.id, parsed.change.version);
    }
    const truth = await truthOverHttp();
    expect(truth.count).toBe(paged.size);
    expect(new Map(truth.customers)).toEqual(paged);
    const inProcess: [string, number][] = [];
    for await (const entry of feed.control.truth()) inProcess.push(entry);
    expect(inProcess).toEqual(truth.customers);
    expect(feed.control.liveCount()).toBe(paged.size);
  });

  it('serves customers given whole, bumps their version on replacement, and erases them', async () => {
    const shared = feed;
    feed = await startFeedServer({ port: 0, customers: 10, seed: 'put-test' });
    onTestFinished(async () => {
      await feed.close();
      feed = shared;
    });
    const before = await pageAll(null, 1000);
    const given = { id: 'fixture_maelle', version: 1, updatedAt: '2026-11-01T10:00:00Z', emails: ['maelle@free.fr'] };
    expect(feed.control.put([given])).toEqual(['fixture_maelle']);
    const added = await pageAll(before.cursor);
    expect(added.changes).toEqual([given]);
    feed.control.put([{ ...given, emails: ['maelle.rousseau@free.fr'] }]);
    expect((await pageAll(added.cursor)).changes).toEqual([
      { ...given, version: 2, emails: ['maelle.rousseau@free.fr'] },
    ]);
    const live = feed.control.liveCount();
    feed.control.mutate({ deleteIds: ['fixture_maelle'] });
    expect(feed.control.liveCount()).toBe(live - 1);
    const truth: string[] = [];
    for await (const [id] of feed.control.truth()) truth.push(id);
    expect(truth).not.toContain('fixture_maelle');
    expect(() => feed.control.put([{ ...given, id: 'cus_0000001' }])).toThrow(/generated id/);
  });
});

describe('faults', () => {
  it('injects 500 errors and 429 with Retry-After', async () => {
    feed.control.setFaults({ error500: 1 });
    const failed = await call('/v1/changes');
    expect(failed.status).toBe(500);
    expect((await failed.json()).error).toBe('internal_error');
    feed.control.setFaults({ rate429: 1, retryAfterSeconds: 7 });
    const limited = await call('/v1/changes');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    feed.control.setFaults({});
    expect((await call('/v1/changes')).status).toBe(200);
  });

  it('truncates bodies and drops connections mid-response', async () => {
    feed.control.setFaults({ truncated: 1 });
    const truncated = await call('/v1/changes?limit=50');
    expect(truncated.status).toBe(200);
    const text = await truncated.text();
    expect(text.length).toBeGreaterThan(100);
    expect(() => JSON.parse(text)).toThrow();
    feed.control.setFaults({ drop: 1 });
    await expect(call('/v1/changes?limit=50').then((response) => response.text())).rejects.toThrow();
    expect(feed.control.stats()['/v1/changes']?.dropped).toBeGreaterThanOrEqual(1);
  });

  it('mixes 1–3 invalid records into pages without touching the real ones', async () => {
    feed.control.setFaults({ invalid: 1 });
    const { changes } = await pageAll(null, 500);
    const invalid = changes.filter((change) => !parseChange(change).ok);
    const pages = Math.ceil(feed.control.liveCount() / 500) + 1;
    expect(invalid.length).toBeGreaterThanOrEqual(3);
    expect(invalid.length).toBeLessThanOrEqual(3 * pages);
    for (const record of invalid) expect((record as { id?: string }).id ?? 'invalid_').toMatch(/^invalid_/);
    const valid = changes.filter((change) => parseChange(change).ok);
    expect(valid.every((change) => (change as { id: string }).id.startsWith('cus_'))).toBe(true);
  });

  it('adds latency and replays the same faults for the same seed', async () => {
    feed.control.setFaults({ latencyMs: 120 });
    const started = performance.now();
    await call('/v1/changes?limit=1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    const statuses = async () => {
      feed.control.setFaults({ error500: 0.3, rate429: 0.3, seed: 'replay' });
      const seen: number[] = [];
      for (let i = 0; i < 20; i++) seen.push((await call('/v1/changes?limit=1')).status);
      return seen;
    };
    const first = await statuses();
    expect(await statuses()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 500]));
  });
});

describe('stats', () => {
  it('counts requests by path and status', async () => {
    await call('/v1/me', { token: null });
    const stats = await (await call('/__control/stats')).json();
    expect(stats['/v1/me']['401']).toBeGreaterThanOrEqual(2);
    expect(stats['/v1/changes']['200']).toBeGreaterThan(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../tests/unlocked-db';
import { FeedError } from '../feed/client';
import type { ChangesPage } from '../feed/schema';
import { generateDataKey } from '../store/crypto/crypto';
import type { ReconnuDb } from '../store/db';
import { entriesInRange } from '../store/lookup-index/key-index';
import { pendingRemovals } from '../store/lookup-index/purge';
import { readCheckpoint } from '../store/meta-cache';
import { readQuarantine } from '../store/quarantine';
import { findByKey, getCustomer } from '../store/read';
import { clearLocalStore } from '../store/wipe';
import { runSync, type SyncDeps } from './engine';
import type { SyncStatus } from './status';

const record = (i: number, version = 1) => ({
  id: `cus_${String(i).padStart(4, '0')}`,
  version,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Élise', family: `Lefèvre ${i}` },
});

/** A feed of `total` customers served `size` at a time; cursors are positions. */
function pagedFeed(total: number, size: number) {
  const calls: (string | null)[] = [];
  const fetchPage: FetchPage = async (cursor) => {
    calls.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const end = Math.min(total, start + size);
    const changes = Array.from({ length: end - start }, (_, k) => record(start + k) as unknown);
    return { changes, cursor: String(end), more: end < total, remaining: total - end };
  };
  return { calls, fetchPage };
}

type FetchPage = SyncDeps['source']['fetchChanges'];

let db: ReconnuDb;
let published: SyncStatus[];
const deps = (fetchPage: FetchPage): SyncDeps => ({
  db,
  publish: (status) => {
    published.push(status);
  },
  source: { fetchChanges: fetchPage },
  retryDelay: () => 0,
});

beforeEach(async () => {
  db = await unlockedDb('engine');
  published = [];
});
afterEach(async () => {
  await db.delete();
});

describe('runSync', () => {
  it('removes an erased customer and every index entry pointing at it before the run ends', async () => {
    expect((await runSync(deps(pagedFeed(60, 100).fetchPage))).ok).toBe(true);
    const erase: FetchPage = async () => ({
      changes: [{ id: 'cus_0007', deleted: true, deletedAt: '2026-02-01T00:00:00Z' }, record(8, 2)],
      cursor: '61',
      more: false,
    });
    expect((await runSync(deps(erase))).ok).toBe(true);
    expect(await getCustomer(db, 'cus_0007')).toBeUndefined();
    expect(await entriesInRange(db, '', '\uffff')).not.toContainEqual(expect.arrayContaining(['i:cus_0007']));
    expect((await entriesInRange(db, '', '\uffff')).filter(([key]) => key.includes('cus_0007'))).toEqual([]);
    expect(await pendingRemovals(db)).toEqual([]);
  });

  it('pulls every page, reports progress and ends idle with the count', async () => {
    const feed = pagedFeed(250, 100);
    expect(await runSync(deps(feed.fetchPage))).toEqual({ ok: true, applied: 250 });
    expect(feed.calls).toEqual([null, '100', '200']);
    expect(published.map((s) => [s.state, s.done, s.total])).toContainEqual(['syncing', 100, 250]);
    expect(published.at(-1)).toMatchObject({ state: 'idle', customers: 250 });
    expect((await readCheckpoint(db)).lastSuccessAt).not.toBeNull();
  });

  it('resumes from the committed cursor after an interruption, without gaps or duplicates', async () => {
    const feed = pagedFeed(300, 100);
    let failNext = false;
    const interrupted: FetchPage = async (cursor, limit, signal, context) => {
      if (cursor === '200' && !failNext) {
        failNext = true;
        throw new FeedError('The feed answered 400.', 400, false);
      }
      return feed.fetchPage(cursor, limit, signal, context);
    };
    expect((await runSync(deps(interrupted))).ok).toBe(false);
    expect((await readCheckpoint(db)).cursor).toBe('200');
    expect(await runSync(deps(interrupted))).toEqual({ ok: true, applied: 100 });
    expect(feed.calls).toEqual([null, '100', '200']);
    expect((await readCheckpoint(db)).customers).toBe(300);
  });

  it('retries retryable failures and honours Retry-After', async () => {
    const feed = pagedFeed(50, 100);
    const delays: (number | null)[] = [];
    let attempts = 0;
    const flaky: FetchPage = async (...args) => {
      attempts++;
      if (attempts === 1) throw new FeedError('The feed answered 503.', 503, true);
      if (attempts === 2) throw new FeedError('The feed answered 429.', 429, true, 2000);
      if (attempts === 3) throw new FeedError('Cannot reach the feed.', null, true);
      return feed.fetchPage(...args);
    };
    const result = await runSync({
      ...deps(flaky),
      retryDelay: (_attempt, retryAfter) => {
        delays.push(retryAfter);
        return 0;
      },
    });
    expect(result.ok).toBe(true);
    expect(delays).toEqual([null, 2000, null]);
    expect(published.map((s) => s.state)).toEqual(expect.arrayContaining(['retrying', 'offline', 'idle']));
  });

  it('quarantines invalid records with their reason while the valid ones land', async () => {
    const page: ChangesPage = {
      changes: [record(1), { id: 'cus_bad', version: 'abc', updatedAt: 'yesterday' }, { name: 'no id' }, record(2)],
      cursor: 'end',
      more: false,
    };
    await runSync(deps(async () => page));
    expect(await getCustomer(db, 'cus_0001')).toBeDefined();
    expect(await getCustomer(db, 'cus_0002')).toBeDefined();
    const issues = await readQuarantine(db);
    expect(issues).toHaveLength(2);
    expect(issues.find((issue) => issue.id === 'cus_bad')?.reason).toMatch(/version/);
    expect(published.at(-1)).toMatchObject({ customers: 2, quarantined: 2 });
  });

  it('stores a customer with an impossible phone, indexes the rest, and reports the number as a sync issue', async () => {
    const customer = {
      ...record(3),
      phones: ['06 12 34 56 7', '+33 6 12 34 56 78'],
      addresses: [{ phone: '01 84 60 12 00' }],
    };
    await runSync(deps(async () => ({ changes: [customer], cursor: 'end', more: false })));
    expect(await getCustomer(db, 'cus_0003')).toMatchObject({ phones: customer.phones });
    expect((await findByKey(db, 'p:+33612345678')).map((found) => found.id)).toEqual(['cus_0003']);
    expect((await findByKey(db, 'p:+33184601200')).map((found) => found.id)).toEqual(['cus_0003']);
    const [issue] = await readQuarantine(db);
    expect(issue).toMatchObject({ id: 'cus_0003' });
    expect(issue?.reason).toMatch(/"06 12 34 56 7" is not a valid phone number \(default region FR\): not indexed/);
  });

  it('gives up after the last attempt with a readable error and keeps what it had', async () => {
    const down: FetchPage = async () => {
      throw new FeedError('The feed answered 500.', 500, true);
    };
    expect(await runSync({ ...deps(down), maxAttempts: 3 })).toEqual({ ok: false, error: 'The feed answered 500.' });
    expect(published.at(-1)).toMatchObject({ state: 'error', message: 'The feed answered 500.' });
  });
});

describe('runSync storage failures', () => {
  it('reports a quota error clearly and keeps the previous data and cursor', async () => {
    const feed = pagedFeed(200, 100);
    await runSync(deps(pagedFeed(100, 100).fetchPage));
    const before = await readCheckpoint(db);
    const table = db.segments;
    const original = table.bulkAdd.bind(table);
    table.bulkAdd = ((): Promise<never> => {
      const error = new Error('Quota exceeded');
      error.name = 'QuotaExceededError';
      return Promise.reject(error);
    }) as unknown as typeof table.bulkAdd;
    const moreFeed: FetchPage = (_cursor, limit, signal, context) => feed.fetchPage('100', limit, signal, context);
    const result = await runSync(deps(moreFeed));
    table.bulkAdd = original;
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/storage quota/) });
    expect(await readCheckpoint(db)).toEqual(before);
    expect(await getCustomer(db, 'cus_0050')).toBeDefined();
    expect(published.at(-1)).toMatchObject({ state: 'error' });
  });
});

describe('runSync when the feed forgets its cursors', () => {
  it('reads the feed again from the start, keeping what is stored', async () => {
    const feed = pagedFeed(150, 100);
    await runSync(deps(feed.fetchPage));
    const reset: FetchPage = async (cursor, limit, signal, context) => {
      if (cursor === '150') throw new FeedError('The feed answered 400.', 400, false);
      return feed.fetchPage(cursor, limit, signal, context);
    };
    expect(await runSync(deps(reset))).toEqual({ ok: true, applied: 150 });
    expect(feed.calls).toEqual([null, '100', null, '100']);
    expect(published.at(-1)).toMatchObject({ state: 'idle', customers: 150 });
  });

  it("resyncs from the start on 410 Gone (deletions past the feed's retention), erasing who was deleted", async () => {
    await runSync(deps(pagedFeed(150, 100).fetchPage));
    const after = pagedFeed(120, 100); // 30 customers were deleted while this browser was away too long
    const gone: FetchPage = async (cursor, limit, signal, context) => {
      if (cursor === '150') throw new FeedError('The feed answered 410.', 410, false);
      return after.fetchPage(cursor, limit, signal, context);
    };
    expect(await runSync(deps(gone))).toEqual({ ok: true, applied: 120 });
    expect(await getCustomer(db, 'cus_0119')).toBeDefined();
    expect(await getCustomer(db, 'cus_0120')).toBeUndefined();
    expect(published.at(-1)).toMatchObject({ state: 'idle', customers: 120 });
  });

  it('erases, after re-reading, the customers the reset feed no longer has', async () => {
    await runSync(deps(pagedFeed(150, 100).fetchPage));
    const smaller = pagedFeed(90, 40); // the feed came back with 90 customers
    const reset: FetchPage = async (cursor, limit, signal, context) => {
      if (cursor === '150') throw new FeedError('The feed answered 400.', 400, false);
      return smaller.fetchPage(cursor, limit, signal, context);
    };
    expect(await runSync(deps(reset))).toEqual({ ok: true, applied: 90 });
    expect(await getCustomer(db, 'cus_0089')).toBeDefined();
    expect(await getCustomer(db, 'cus_0090')).toBeUndefined();
    expect(await getCustomer(db, 'cus_0149')).toBeUndefined();
    expect((await readCheckpoint(db)).customers).toBe(90);
    expect(published.at(-1)).toMatchObject({ state: 'idle', customers: 90 });
    expect(await db.resyncSeen.count()).toBe(0);
  });

  it('finishes an interrupted resync after a restart', async () => {
    await runSync(deps(pagedFeed(150, 100).fetchPage));
    const smaller = pagedFeed(90, 40);
    let failAt: string | null = '40';
    const flaky: FetchPage = async (cursor, limit, signal, context) => {
      if (cursor === '150') throw new FeedError('The feed answered 400.', 400, false);
      if (cursor === failAt) throw new FeedError('The feed answered 400.', 400, false);
      return smaller.fetchPage(cursor, limit, signal, context);
    };
    expect((await runSync(deps(flaky))).ok).toBe(false); // stopped after the first page of the resync
    failAt = null;
    expect((await runSync(deps(flaky))).ok).toBe(true);
    expect((await readCheckpoint(db)).customers).toBe(90);
    expect(await getCustomer(db, 'cus_0120')).toBeUndefined();
  });
});

describe('runSync with a locked store', () => {
  it('reports the lock as a notice, fetches nothing, and syncs once the key is there', async () => {
    await runSync(deps(pagedFeed(50, 100).fetchPage));
    db.setDataKey(null);
    const feed = pagedFeed(60, 100);
    const error = new FeedError('Cannot reach the feed (fetch failed).', null, true);
    const locked = await runSync({ ...deps(feed.fetchPage), unlock: async () => ({ state: 'locked', error }) });
    expect(locked.ok).toBe(false);
    expect(feed.calls).toEqual([]);
    expect(published.at(-1)).toMatchObject({ state: 'offline', customers: 50, notice: { code: 'locked' } });

    const unlock = async () => {
      await clearLocalStore(db); // what unlockStore does when the stored key cannot be opened
      db.setDataKey(await generateDataKey());
      return { state: 'reset' as const };
    };
    expect(await runSync({ ...deps(feed.fetchPage), unlock })).toEqual({ ok: true, applied: 60 });
    expect(published.at(-1)).toMatchObject({ state: 'idle', customers: 60 });
  });
});

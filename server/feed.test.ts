// The feed v1 contract served from the database, through HTTP, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesPageSchema } from '../lib/feed/schema';
import { purgeTombstones } from './feed/retention';
import { testDatabases } from './test/databases';
import { customer, deletion, startTestHub, type TestHub } from './test/hub-fixture';

async function page(hub: TestHub, query: string) {
  const response = await hub.request(`/v1/changes${query}`, { as: 'agent' });
  expect(response.status).toBe(200);
  return changesPageSchema.parse(await response.json());
}

/** Follows the feed to its end from a cursor (none: from scratch); returns every change and the last cursor. */
async function syncAll(hub: TestHub, from?: string) {
  const changes: { id?: unknown; deleted?: unknown; version?: unknown }[] = [];
  let cursor = from;
  const remainings: number[] = [];
  for (;;) {
    const result = await page(hub, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    changes.push(...result.changes.map((change) => Object(change)));
    remainings.push(result.remaining ?? -1);
    cursor = result.cursor;
    if (!result.more) return { changes, cursor, remainings };
  }
}

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`/v1/changes on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open(), { maxPageSize: 3 });
    });
    afterAll(() => hub?.close());

    const push = async (records: unknown[]) => {
      const response = await hub.request('/v1/admin/customers', { json: { customers: records } });
      expect(response.status).toBe(200);
    };

    it('gives a client syncing from scratch each live customer once and no deleted one', async () => {
      await push(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => customer(id)));
      await push([customer('b', 2, 'Bea'), customer('d', 2), deletion('c'), deletion('f'), customer('b', 1)]);
      const { changes, remainings } = await syncAll(hub);
      expect(changes.map((change) => change.id).sort()).toEqual(['a', 'b', 'd', 'e', 'g']);
      expect(changes.find((change) => change.id === 'b')).toMatchObject({ version: 2, name: { given: 'Bea' } });
      expect(remainings).toEqual([2, 0]);
    });

    it('counts what remains once per round and carries it page to page, going on while changes keep coming', async () => {
      const { cursor } = await syncAll(hub);
      await push(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'].map((id) => customer(id)));
      const first = await page(hub, `?limit=3&cursor=${cursor}`);
      expect(first).toMatchObject({ more: true, remaining: 4 });
      // Written during the round: not in the count, yet the round goes on until it has them.
      await push([customer('r8'), customer('r1', 2)]);
      const pages = [first];
      while (pages.at(-1)?.more) pages.push(await page(hub, `?limit=3&cursor=${pages.at(-1)?.cursor}`));
      expect(pages.map((next) => next.remaining)).toEqual([4, 1, 0]);
      const ids = pages.flatMap((next) => next.changes.map((change) => Object(change).id));
      expect(ids).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r1']);
    });

    it('sends a later deletion as a Deletion, and a newer version once', async () => {
      const { cursor } = await syncAll(hub);
      await push([deletion('a'), customer('e', 5), customer('e', 4)]);
      const { changes } = await syncAll(hub, cursor);
      expect(changes).toEqual([
        { id: 'a', deleted: true, deletedAt: '2025-03-02T10:00:00.000Z' },
        expect.objectContaining({ id: 'e', version: 5 }),
      ]);
      const again = await page(hub, `?cursor=${(await syncAll(hub, cursor)).cursor}`);
      expect(again).toMatchObject({ changes: [], more: false, remaining: 0 });
    });

    it('sends a deletion made during a sync from scratch to the client that already received the customer', async () => {
      const first = await page(hub, '?limit=1');
      const [received] = first.changes.map((change) => Object(change).id);
      await push([deletion(received)]);
      const { changes } = await syncAll(hub, first.cursor);
      expect(changes).toContainEqual(expect.objectContaining({ id: received, deleted: true }));
    });

    it('gzips a page when the client asks', async () => {
      const { cursor } = await syncAll(hub);
      await push(
        Array.from({ length: 3 }, (_, index) => ({
          ...customer(`z${index}`),
          preferences: { notes: 'x'.repeat(3000) },
        })),
      );
      const response = await hub.request(`/v1/changes?cursor=${cursor}`, {
        as: 'agent',
        headers: { 'Accept-Encoding': 'gzip' },
      });
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(changesPageSchema.parse(await response.json()).changes).toHaveLength(3);
    });

    it('answers 410 Gone to a cursor older than the tombstones kept, and to one it never issued', async () => {
      await push([customer('late')]);
      const { cursor } = await syncAll(hub);
      await push([deletion('late')]);
      const { cursor: after } = await syncAll(hub, cursor);
      expect(await purgeTombstones(hub.db, { retentionSeconds: 0 })).toBeGreaterThan(0);
      const stale = await hub.request(`/v1/changes?cursor=${cursor}`, { as: 'agent' });
      expect(stale.status).toBe(410);
      expect(await stale.json()).toMatchObject({ error: 'cursor_expired', resync: true });
      expect((await hub.request(`/v1/changes?cursor=${after}`, { as: 'agent' })).status).toBe(200);
      const forged = await hub.request('/v1/changes?cursor=bm90LWEtY3Vyc29y', { as: 'agent' });
      expect(forged.status).toBe(410);
      expect(await forged.json()).toMatchObject({
        error: 'cursor_unknown',
        message: expect.stringMatching(/not issued/),
      });
    });
  });
}

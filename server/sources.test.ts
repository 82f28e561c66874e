// Platform sources pulled by the hub: the admin API, sealed credentials, and pulls from the real Vendure server the
// end-to-end tests use (scripts/vendure/), served to extensions by /v1/changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../lib/feed/client';
import { changesPageSchema } from '../lib/feed/schema';
import { type VendureAdmin, vendureAdmin } from '../scripts/vendure/admin';
import { adminGraphQL } from '../scripts/vendure/graphql';
import { startVendure, type VendureServer } from '../scripts/vendure/start';
import { retryDelayMs } from './sources/pull';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';

let vendure: VendureServer;
let admin: VendureAdmin;
beforeAll(async () => {
  vendure = await startVendure({ customers: 30 });
  admin = vendureAdmin(vendure.adminApi, vendure.token);
}, 600_000);
afterAll(() => vendure?.stop(), 60_000);

async function vendureCustomerIds(): Promise<string[]> {
  const { data } = await adminGraphQL<{ customers: { items: { id: string }[] } }>(
    vendure.adminApi,
    { token: vendure.token },
    '{ customers(options: { take: 500, sort: { id: ASC } }) { items { id } } }',
  );
  return data.customers.items.map((item) => item.id);
}

type Change = { id: string; deleted?: boolean; name?: { family: string } };

async function syncAll(hub: TestHub, from?: string) {
  const changes: Change[] = [];
  let cursor = from;
  for (;;) {
    const response = await hub.request(`/v1/changes?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { as: 'agent' });
    const page = changesPageSchema.parse(await response.json());
    changes.push(...(page.changes as Change[]));
    cursor = page.cursor;
    if (!page.more) return { changes, cursor };
  }
}

it('waits before retrying: doubling from 30 s, at least what the platform asks, the schedule for a refusal', () => {
  expect(retryDelayMs(new FeedError('down', 503, true), 1, 15)).toBe(30_000);
  expect(retryDelayMs(new FeedError('down', 503, true), 3, 15)).toBe(120_000);
  expect(retryDelayMs(new FeedError('slow down', 429, true, 600_000), 1, 15)).toBe(600_000);
  expect(retryDelayMs(new FeedError('refused', 403, false), 1, 15)).toBe(15 * 60_000);
});

for (const [index, database] of testDatabases().entries()) {
  describe.skipIf(database.unavailable)(`platform sources on ${database.name}`, { timeout: 120_000 }, () => {
    let hub: TestHub;
    let clockOffsetMs = 0;
    let firstPull = 0;
    let cursor: string | undefined;
    beforeAll(async () => {
      hub = await startTestHub(await database.open(), { now: () => new Date(Date.now() + clockOffsetMs) });
    });
    afterAll(() => hub?.close());

    const put = (id: string, json: unknown) => hub.request(`/v1/admin/sources/${id}`, { method: 'PUT', json });
    const pull = (id: string) => hub.request(`/v1/admin/sources/${id}/pull`, { method: 'POST' });
    const shop = () => ({ kind: 'vendure', url: vendure.adminApi, token: vendure.apiKey, everyMinutes: 60 });

    it('validates a source with the connector settings and never gives its credentials back', async () => {
      const refused = [
        await put('shop', { ...shop(), kind: 'magento' }),
        await put('shop', { ...shop(), url: 'http://shop.example.com/admin-api' }),
        await put('shop', { ...shop(), token: undefined }),
        await put('shop', { ...shop(), everyMinutes: 0 }),
        await put('Bad Id', shop()),
      ];
      for (const response of refused) {
        expect({ status: response.status, body: await response.json() }).toMatchObject({
          status: 400,
          body: { error: 'bad_request', message: expect.any(String) },
        });
      }
      expect(await hub.request('/v1/admin/sources', { as: 'agent' }).then((r) => r.status)).toBe(403);
      const saved = await put('shop', shop());
      expect(saved.status).toBe(200);
      const listed = await hub.request('/v1/admin/sources').then((response) => response.text());
      for (const text of [JSON.stringify(await saved.json()), listed]) {
        expect(text).toContain(vendure.adminApi);
        for (const part of vendure.apiKey.split(':')) expect(text).not.toContain(part);
      }
      const { rows } = await hub.db.query<{ text: string }>('select s::text as text from sources s');
      for (const part of vendure.apiKey.split(':')) expect(rows[0]?.text).not.toContain(part);
      // Settings changed without credentials keep them, at the same address only.
      expect((await put('shop', { ...shop(), token: undefined, everyMinutes: 30 })).status).toBe(200);
      const moved = await put('shop', { ...shop(), token: undefined, url: 'https://elsewhere.example/admin-api' });
      expect(moved.status).toBe(400);
    });

    it('pulls every Vendure customer into the feed', async () => {
      const response = await pull('shop');
      const outcome = await response.json();
      expect(outcome).toMatchObject({ status: 'done', rejected: 0, source: { lastError: null } });
      firstPull = outcome.changes;
      const live = await vendureCustomerIds();
      const synced = await syncAll(hub);
      cursor = synced.cursor;
      expect(synced.changes.map((change) => change.id).sort()).toEqual(live.map((id) => `vendure:${id}`).sort());
      expect(outcome.source).toMatchObject({ customers: live.length, totalChanges: firstPull });
    });

    it('pulls only what changed the next time, such as a name changed in Vendure', async () => {
      const idle = await pull('shop').then((response) => response.json());
      expect(idle.status).toBe('done');
      expect(idle.changes).toBeLessThan(firstPull / 2);
      const [first] = await vendureCustomerIds();
      await admin.updateCustomer(first as string, { lastName: `Pulled ${index}` });
      expect(await pull('shop').then((response) => response.json())).toMatchObject({ status: 'done' });
      const synced = await syncAll(hub, cursor);
      cursor = synced.cursor;
      expect(synced.changes.find((change) => change.id === `vendure:${first}`)).toMatchObject({
        name: { family: `Pulled ${index}` },
      });
    });

    it('erases a customer deleted in Vendure when its sweep next runs', async () => {
      const ids = await vendureCustomerIds();
      const removed = ids[ids.length - 1 - index] as string;
      await admin.deleteCustomer(removed);
      clockOffsetMs += 3_600_000;
      expect(await pull('shop').then((response) => response.json())).toMatchObject({ status: 'done' });
      const synced = await syncAll(hub, cursor);
      expect(synced.changes).toContainEqual(expect.objectContaining({ id: `vendure:${removed}`, deleted: true }));
    });

    it('pulls a source once at a time', async () => {
      await hub.db.query("update sources set lease_owner = 'other', lease_until = now() + interval '1 minute'");
      const busy = await pull('shop');
      expect(busy.status).toBe(409);
      expect(await busy.json()).toMatchObject({ error: 'pull_in_progress' });
      await hub.db.query('update sources set lease_owner = null, lease_until = null');
    });

    it('records the failure of a platform that does not answer, and backs off', async () => {
      expect((await put('down', { ...shop(), url: 'http://127.0.0.1:1/admin-api' })).status).toBe(200);
      const failed = await pull('down').then((response) => response.json());
      expect(failed).toMatchObject({
        status: 'failed',
        retryInMs: 30_000,
        error: expect.stringContaining('Cannot reach Vendure'),
        source: { failures: 1, lastError: expect.stringContaining('Cannot reach Vendure') },
      });
      expect(await pull('down').then((response) => response.json())).toMatchObject({ retryInMs: 60_000 });
      expect((await hub.request('/v1/admin/sources/down', { method: 'DELETE' })).status).toBe(204);
      expect((await pull('down')).status).toBe(404);
    });
  });
}

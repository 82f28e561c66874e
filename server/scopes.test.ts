// Scopes on /v1/changes: store staff get their stores' customers and those active online; a segment limits other
// roles; a customer leaving a user's scope reaches that user as a Deletion, by a change or by its activity ageing.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesPageSchema } from '../lib/feed/schema';
import { openDatabase } from './db/open';
import { addUser } from './people/users';
import { reconcileOnlineActivity } from './scopes/online-activity';
import { scopeRules } from './scopes/rules';
import { testDatabases } from './test/databases';
import { customer, deletion, startTestHub, type TestHub } from './test/hub-fixture';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const order = (placedAt: string, channel: 'web' | 'store') => ({
  id: `o-${placedAt}`,
  number: '1001',
  placedAt,
  channel,
  status: 'shipped',
  total: { amount: 10, currency: 'EUR' },
  lines: [],
});

type Reader = 'agent' | 'store' | { token: string };
type Seen = { id: string; deleted?: boolean; version?: number };

/** Follows the feed to its end for a reader; returns what it received and the last cursor. */
async function syncAll(hub: TestHub, as: Reader, from?: string, limit = 2) {
  const changes: Seen[] = [];
  let cursor = from;
  for (;;) {
    const response = await hub.request(`/v1/changes?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { as });
    expect(response.status).toBe(200);
    const page = changesPageSchema.parse(await response.json());
    changes.push(...page.changes.map((change) => change as Seen));
    cursor = page.cursor;
    if (!page.more) return { changes, cursor };
  }
}

const ids = (changes: Seen[]) => changes.map((change) => (change.deleted ? `-${change.id}` : change.id)).sort();

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`scopes on ${database.name}`, () => {
    let hub: TestHub;
    let france: { token: string };
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
      france = await addUser(hub.db, {
        email: 'fr@example.org',
        name: 'France desk',
        role: 'agent',
        stores: [],
        tokenExpiresInDays: 1,
        scope: { countries: ['FR'] },
      });
      await push([
        { ...customer('own'), stores: ['paris-rivoli'] },
        { ...customer('other'), stores: ['lyon'] },
        { ...customer('web'), stores: ['lyon'], orders: [order(ago(60), 'web')] },
        { ...customer('shop'), orders: [order(ago(10), 'store')] },
        { ...customer('stale'), wishlist: [{ sku: 'a', title: 'A', addedAt: ago(600) }] },
        { ...customer('cart', 1), updatedAt: ago(5), cart: [{ sku: 'a', title: 'A', quantity: 1 }] },
        { ...customer('fr'), stores: ['lyon'], addresses: [{ city: 'Lyon', country: 'fr' }] },
        { ...customer('gone'), stores: ['paris-rivoli'] },
      ]);
      await push([deletion('gone')]);
    });
    afterAll(() => hub?.close());

    async function push(records: unknown[]) {
      const response = await hub.request('/v1/admin/customers', { json: { customers: records } });
      expect(response.status).toBe(200);
      expect((await response.json()).rejected).toEqual([]);
    }

    it('gives store staff from scratch their stores and the customers active online, nothing else', async () => {
      expect(ids((await syncAll(hub, 'store')).changes)).toEqual(['cart', 'own', 'web']);
      expect(ids((await syncAll(hub, 'agent')).changes)).toEqual([
        'cart',
        'fr',
        'other',
        'own',
        'shop',
        'stale',
        'web',
      ]);
      expect(ids((await syncAll(hub, france)).changes)).toEqual(['fr']);
    });

    it('sends a Deletion to store staff when a customer moves to another store, and the customer to agents', async () => {
      const store = await syncAll(hub, 'store');
      const agent = await syncAll(hub, 'agent');
      await push([{ ...customer('own', 2), stores: ['lyon'] }]);
      expect(ids((await syncAll(hub, 'store', store.cursor)).changes)).toEqual(['-own']);
      expect((await syncAll(hub, 'agent', agent.cursor)).changes).toEqual([
        expect.objectContaining({ id: 'own', version: 2 }),
      ]);
      expect(ids((await syncAll(hub, 'store')).changes)).toEqual(['cart', 'web']);
      await push([{ ...customer('own', 3), stores: ['paris-rivoli'] }]);
    });

    it('sends the Deletion even when the customer changed again past the page the client was on', async () => {
      const { cursor } = await syncAll(hub, 'store');
      await push([{ ...customer('own', 4), stores: ['lyon'] }]);
      await push(['n1', 'n2', 'n3'].map((id) => ({ ...customer(id), stores: ['paris-rivoli'] })));
      await push([{ ...customer('own', 5, 'Camila'), stores: ['lyon'] }]);
      expect(ids((await syncAll(hub, 'store', cursor, 2)).changes)).toEqual(['-own', 'n1', 'n2', 'n3']);
    });

    it('sends a Deletion to a segment the customer leaves, and the customer to one it enters', async () => {
      const { cursor } = await syncAll(hub, france);
      await push([
        { ...customer('fr', 2), addresses: [{ city: 'Bruxelles', country: 'BE' }] },
        { ...customer('other', 2), stores: ['lyon'], addresses: [{ city: 'Paris', country: 'FR' }] },
      ]);
      expect(ids((await syncAll(hub, france, cursor)).changes)).toEqual(['-fr', 'other']);
    });

    it('moves a customer whose online activity ages out of the window out of store staff scope', async () => {
      const store = await syncAll(hub, 'store');
      const agent = await syncAll(hub, 'agent');
      const later = scopeRules({ now: () => new Date(Date.now() + 320 * DAY) });
      expect(await reconcileOnlineActivity(hub.db, later)).toEqual({ left: 1, entered: 0 });
      expect(await reconcileOnlineActivity(hub.db, later)).toEqual({ left: 0, entered: 0 });
      expect(ids((await syncAll(hub, 'store', store.cursor)).changes)).toEqual(['-web']);
      expect(ids((await syncAll(hub, 'agent', agent.cursor)).changes)).toEqual(['web']);
      expect(ids((await syncAll(hub, 'store')).changes)).not.toContain('web');
    });

    it('takes in the customers a wider window reaches', async () => {
      const { cursor } = await syncAll(hub, 'store');
      const wider = scopeRules({ storeOnlineMonths: 24 });
      expect(await reconcileOnlineActivity(hub.db, wider)).toEqual({ left: 0, entered: 2 });
      expect(ids((await syncAll(hub, 'store', cursor)).changes)).toEqual(['stale', 'web']);
    });

    it('sets a segment with `user add --scope-store --scope-country`, not for store staff', {
      timeout: 120_000,
    }, async () => {
      const url = await database.newUrl?.();
      const dataDir = mkdtempSync(join(tmpdir(), 'hub-scope-cli-'));
      const { DATABASE_URL: _ignored, ...env } = process.env;
      const userAdd = (...args: string[]) =>
        promisify(execFile)('npm', ['run', '-s', 'hub', '--', 'user', 'add', '--data', dataDir, ...args], {
          cwd: join(import.meta.dirname, '..'),
          env: { ...env, ...(url ? { DATABASE_URL: url } : {}) },
        });
      const who = ['--email', 'be@example.org', '--name', 'Desk', '--role'];
      await expect(userAdd(...who, 'store', '--scope-country', 'be')).rejects.toMatchObject({
        stderr: expect.stringContaining('Store staff are scoped by --store'),
      });
      await userAdd(...who, 'agent', '--scope-country', 'be', '--scope-store', 'lyon', '--scope-store', 'gent');
      const db = await openDatabase(url ? { databaseUrl: url } : { dataDir });
      const { rows } = await db.query<{ scope: unknown }>('select scope from users');
      await db.close();
      expect(rows).toEqual([{ scope: { stores: ['lyon', 'gent'], countries: ['BE'] } }]);
    });
  });
}

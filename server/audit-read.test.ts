// GET /v1/audit and /v1/audit.csv: supervisors and admins only, newest first, filtered, paged behind a cursor, and a
// CSV export whose cells cannot run as spreadsheet formulas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, upload, userIdOf } from './test/audit-entries';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';

const minute = (n: number) => new Date(Date.UTC(2025, 3, 1, 9, n)).toISOString();

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`reading /v1/audit on ${database.name}`, () => {
    let hub: TestHub;
    let agent: string;
    let store: string;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
      agent = await userIdOf(hub, 'agent');
      store = await userIdOf(hub, 'store');
      // Two devices, interleaved in time: the agent at even minutes, the store at odd ones; customers cycle a, b, c.
      const agents = await chain({
        device: 'dev-agent',
        user: agent,
        count: 6,
        facts: (i) => ({ at: minute(2 * i), customerId: `cus_${'abc'[i % 3]}` }),
      });
      const stores = await chain({
        device: 'dev-store',
        user: store,
        count: 6,
        facts: (i) => ({
          at: minute(2 * i + 1),
          customerId: `cus_${'abc'[i % 3]}`,
          action: i === 5 ? 'reveal' : 'view',
          reason: i === 5 ? '=HYPERLINK("http://evil.example")' : undefined,
          where: i === 4 ? '@SUM(A1), "quoted"' : 'pos.example.com',
        }),
      });
      expect((await upload(hub, agents, 'agent')).status).toBe(200);
      expect((await upload(hub, stores, 'store')).status).toBe(200);
    });
    afterAll(() => hub?.close());

    async function all(query: string): Promise<{ at: string; user: string; customerId?: string }[]> {
      const entries = [];
      let cursor: string | undefined;
      do {
        const response = await hub.request(`/v1/audit?${query}${cursor ? `&cursor=${cursor}` : ''}`, {
          as: 'supervisor',
        });
        expect(response.status).toBe(200);
        const page = await response.json();
        expect(page.entries.length).toBeLessThanOrEqual(5);
        entries.push(...page.entries);
        cursor = page.cursor;
      } while (cursor);
      return entries;
    }

    it('pages through every entry once, newest first', async () => {
      const entries = await all('limit=5');
      expect(entries.map((entry) => entry.at)).toEqual(Array.from({ length: 12 }, (_, i) => minute(11 - i)));
      expect(entries[0]).toMatchObject({ user: store, device: 'dev-store', seq: 6, uploadedBy: store });
    });

    it('filters by user, customer and time', async () => {
      expect((await all(`limit=5&user=${agent}`)).map((entry) => entry.at)).toEqual([10, 8, 6, 4, 2, 0].map(minute));
      const customerB = await all('limit=5&customer=cus_b');
      expect(customerB.map((entry) => entry.at)).toEqual([9, 8, 3, 2].map(minute));
      const window = await all(`limit=5&since=${minute(3)}&until=${minute(6)}&user=${store}`);
      expect(window.map((entry) => entry.at)).toEqual([5, 3].map(minute));
    });

    it('lets only supervisors and admins read it', async () => {
      for (const role of ['agent', 'store'] as const) {
        for (const path of ['/v1/audit', '/v1/audit.csv']) {
          const response = await hub.request(path, { as: role });
          expect(response.status).toBe(403);
          expect(await response.json()).toMatchObject({ error: 'forbidden' });
        }
      }
      expect((await hub.request('/v1/audit', { as: 'admin' })).status).toBe(200);
    });

    it('refuses a cursor it did not issue and bad filters', async () => {
      const forged = Buffer.from('a1|2025-04-01T09:00:00.000Z|x').toString('base64url');
      for (const [query, error] of [
        [`cursor=${forged}`, 'bad_cursor'],
        ['since=yesterday', 'bad_request'],
        ['limit=-3', 'bad_request'],
      ]) {
        const response = await hub.request(`/v1/audit?${query}`, { as: 'admin' });
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error, message: expect.any(String) });
      }
    });

    it('exports CSV with a header, filtered, newest first, formulas defused', async () => {
      const response = await hub.request(`/v1/audit.csv?user=${store}`, { as: 'supervisor' });
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await response.text()).split('\r\n');
      expect(lines[0]).toBe(
        'at,user,action,customerId,where,adapter,page,foundBy,reason,device,seq,prev,hash,receivedAt,uploadedBy',
      );
      expect(lines).toHaveLength(1 + 6 + 1);
      expect(lines.at(-1)).toBe('');
      expect(lines[1]).toMatch(
        new RegExp(
          `^${minute(11)},${store},reveal,cus_c,pos.example.com,,,email,"'=HYPERLINK\\(""http://evil.example""\\)",dev-store,6,`,
        ),
      );
      expect(lines[2]).toContain(`,"'@SUM(A1), ""quoted""",`);
      expect(lines.slice(1, -1).every((line) => line.includes(store))).toBe(true);
    });

    it('exports every page of a long ledger', async () => {
      const entries = await chain({ device: 'dev-long', user: agent, count: 1000, facts: () => ({ at: minute(30) }) });
      const more = await chain({ device: 'dev-long', user: agent, count: 500, after: entries.at(-1) });
      expect((await upload(hub, entries)).status).toBe(200);
      expect((await upload(hub, more)).status).toBe(200);
      const text = await (await hub.request('/v1/audit.csv', { as: 'admin' })).text();
      const devices = text.split('\r\n').filter((line) => line.includes(',dev-long,'));
      expect(new Set(devices).size).toBe(1500);
    });
  });
}

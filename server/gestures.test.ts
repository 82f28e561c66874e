// The gesture ledger of feed API v1 on both engines: the hub's own policy check at write time, Idempotency-Key,
// the list filters and who may read what, and supervisors' decisions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GestureRecord, gestureRecordSchema } from '../lib/policy/schema';
import type { Role } from './people/roles';
import { testDatabases } from './test/databases';
import { customer, deletion, startTestHub, type TestHub } from './test/hub-fixture';
import { grant, testPolicy } from './test/policy-fixture';

let keys = 0;

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`gestures on ${database.name}`, () => {
    let hub: TestHub;
    const ids = {} as Record<Role, string>;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
      for (const role of ['agent', 'store', 'supervisor', 'admin'] as const) {
        ids[role] = (await hub.request('/v1/me', { as: role }).then((response) => response.json())).id;
      }
      const gold = { ...customer('gold'), loyalty: { tier: 'Gold', points: 10 } };
      const customers = [customer('c1'), customer('c2'), customer('c3'), gold, customer('gone')];
      await hub.request('/v1/admin/customers', { json: { customers: [...customers, deletion('gone')] } });
    });
    afterAll(() => hub?.close());

    const post = (body: unknown, { as = 'agent' as Role, key = `k${++keys}` } = {}) =>
      hub.request('/v1/gestures', { as, json: body, headers: { 'Idempotency-Key': key } });
    const stored = async (body: unknown, options?: { as?: Role; key?: string }): Promise<GestureRecord> => {
      const response = await post(body, options);
      expect(response.status).toBe(200);
      return gestureRecordSchema.parse(await response.json());
    };
    const list = async (query: string, as: Role = 'supervisor') => {
      const response = await hub.request(`/v1/gestures?${query}`, { as });
      return { status: response.status, body: await response.json() };
    };
    const decide = (id: string, verdict: string, json: unknown = { comment: 'ok' }, as: Role = 'supervisor') =>
      hub.request(`/v1/gestures/${id}/${verdict}`, { as, json });

    it('answers 503 while no policy is set, storing nothing', async () => {
      const response = await post(grant('c1'));
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'no_policy', message: expect.stringMatching(/policy/) });
      expect((await hub.db.query('select 1 from gestures')).rows).toHaveLength(0);
      const set = await hub.request('/v1/admin/policy', { method: 'PUT', json: testPolicy() });
      expect(set.status).toBe(200);
    });

    it('refuses a request without a key, with a bad body, or for an unknown or deleted customer', async () => {
      const noKey = await hub.request('/v1/gestures', { as: 'agent', json: grant('c1') });
      expect([noKey.status, (await noKey.json()).message]).toEqual([400, expect.stringMatching(/Idempotency-Key/)]);
      const short = await post(grant('c1', { reason: 'no' }));
      expect([short.status, (await short.json()).message]).toEqual([400, expect.stringMatching(/reason/)]);
      const nul = await post(grant('c1', { reason: 'late\u0000parcel' }));
      expect([nul.status, (await nul.json()).message]).toEqual([400, expect.stringMatching(/NUL/)]);
      for (const id of ['nobody', 'gone']) {
        const response = await post(grant(id));
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ error: 'not_found', message: `No customer ${id} on this hub.` });
      }
      expect((await hub.db.query('select 1 from gestures')).rows).toHaveLength(0);
    });

    it('grants within limits, stores once per key, then asks for approval above the customer budget', async () => {
      const first = await stored(grant('c1'), { key: 'same' });
      expect(first).toMatchObject({ status: 'granted', agentId: ids.agent, agentName: 'Test agent', size: 3000 });
      expect(first.rule).toMatch(/within the limits/);
      expect(await stored(grant('c1'), { key: 'same' })).toEqual(first);
      expect(await stored(grant('c2', { size: 100 }), { key: 'same' })).toEqual(first);
      // Another user's same key is another gesture.
      const store = await stored(grant('c1', { size: 1000, channel: 'store' }), { as: 'store', key: 'same' });
      expect(store).toMatchObject({ status: 'granted', channel: 'store', agentId: ids.store });
      const over = await stored(grant('c1', { size: 2000 }));
      expect(over).toMatchObject({ status: 'pending', rule: expect.stringMatching(/per-customer limit/) });
      expect(await stored(grant('c2', { approval: true }))).toMatchObject({ status: 'pending' });
      const { rows } = await hub.db.query('select idempotency_key from gestures where agent_id = $1', [ids.agent]);
      expect(rows.filter((row) => Object(row).idempotency_key === 'same')).toHaveLength(1);
    });

    it("rejects by the hub's own policy what it denies, saying why", async () => {
      const shipping = grant('c3', { gesture: 'freeShipping', size: 1, currency: undefined });
      expect(await stored(shipping)).toMatchObject({ status: 'granted' });
      const again = await stored({ ...shipping, customerId: 'c2' });
      expect(again).toMatchObject({ status: 'rejected', decidedBy: 'policy', rule: expect.stringMatching(/today/) });
      expect(again.comment).toBe(again.rule);
      const discount = grant('c3', { gesture: 'discount', size: 5, currency: undefined });
      expect(await stored(discount)).toMatchObject({ status: 'rejected', rule: expect.stringMatching(/tier/) });
      expect(await stored({ ...discount, customerId: 'gold' })).toMatchObject({ status: 'granted' });
    });

    it('lists a customer, an agent, a status, since a date; agents only a customer or their own', async () => {
      const c1 = await list('customer=c1', 'agent');
      expect(c1.body.gestures.map((record: GestureRecord) => [record.agentId, record.status])).toEqual([
        [ids.agent, 'pending'],
        [ids.store, 'granted'],
        [ids.agent, 'granted'],
      ]);
      const own = await list(`agent=${ids.store}`, 'store');
      expect(own.body.gestures).toHaveLength(1);
      expect((await list(`agent=${ids.agent}`, 'store')).status).toBe(403);
      expect((await list('', 'agent')).status).toBe(403);
      const pending = await list('status=pending');
      expect(pending.body.gestures.map((record: GestureRecord) => record.customerId).sort()).toEqual(['c1', 'c2']);
      expect((await list('')).body.gestures).toHaveLength(8);
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await list(`since=${encodeURIComponent(future)}`)).body.gestures).toEqual([]);
      expect((await list(`customer=c1&since=2000-01-01&status=granted`)).body.gestures).toHaveLength(2);
      for (const bad of ['status=maybe', 'since=yesterday']) {
        expect(await list(bad)).toMatchObject({ status: 400, body: { error: 'bad_request' } });
      }
    });

    it("records a supervisor's decision once; the same one again answers it, another is a 409", async () => {
      const [pending] = (await list('status=pending&customer=c1')).body.gestures as GestureRecord[];
      const id = pending?.id as string;
      expect((await decide(id, 'approve', {}, 'agent')).status).toBe(403);
      const approved = await decide(id, 'approve', { comment: '  loyal customer ' });
      expect(approved.status).toBe(200);
      const record = gestureRecordSchema.parse(await approved.json());
      expect(record).toMatchObject({ id, status: 'approved', decidedBy: ids.supervisor, comment: 'loyal customer' });
      const retried = await decide(id, 'approve', { comment: 'again' }, 'admin');
      expect(await retried.json()).toEqual(record);
      const conflict = await decide(id, 'reject');
      expect([conflict.status, (await conflict.json()).error]).toEqual([409, 'conflict']);
      const { rows } = await hub.db.query('select decided_at from gestures where id = $1', [id]);
      expect(Object(rows[0]).decided_at).not.toBeNull();

      const [granted] = (await list('status=granted&customer=c3')).body.gestures as GestureRecord[];
      expect((await decide(granted?.id as string, 'reject')).status).toBe(409);
      expect((await decide('gst_nope', 'approve')).status).toBe(404);
      const [other] = (await list('status=pending')).body.gestures as GestureRecord[];
      expect((await decide(other?.id as string, 'reject', { comment: 'x'.repeat(501) })).status).toBe(400);
      const rejected = await hub.request(`/v1/gestures/${other?.id}/reject`, { as: 'admin', method: 'POST' });
      expect(await rejected.json()).toMatchObject({ status: 'rejected', decidedBy: ids.admin });
    });

    it('counts an approved gesture in the budget it overrode', async () => {
      // c1 now has €30 + €10 granted and €20 approved: €60 of €50, so even €1 needs approval.
      expect(await stored(grant('c1', { size: 100 }))).toMatchObject({ status: 'pending' });
    });
  });
}

// /v1/regions: everyone proposes, supervisors and admins decide, agents and store staff read the approved ones only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedRegionsSchema } from '../lib/feed/regions';
import type { Role } from './people/roles';
import { userIdOf } from './test/audit-entries';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';

const CRM = 'crm.example.com';
const CONTACT = 'main|label email|div.contact > span';
const HEADER = 'banner|label phone|header span.tel';

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`/v1/regions on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
    });
    afterAll(() => hub?.close());

    const propose = (as: Role, regions: unknown[]) => hub.request('/v1/regions', { json: { regions }, as });
    const decide = (as: Role, json: unknown) => hub.request('/v1/regions/decide', { json, as });
    const list = async (as: Role) => {
      const response = await hub.request('/v1/regions', { as });
      expect(response.status).toBe(200);
      return sharedRegionsSchema.parse(await response.json()).regions;
    };

    it('counts distinct proposers and shows pending regions to deciders only', async () => {
      const first = await propose('agent', [
        { site: CRM, region: CONTACT },
        { site: CRM, region: HEADER },
      ]);
      expect(await first.json()).toEqual({ accepted: 2 });
      await propose('agent', [{ site: CRM, region: CONTACT }]);
      await propose('store', [{ site: CRM, region: CONTACT }]);
      expect(await list('agent')).toEqual([]);
      expect(await list('store')).toEqual([]);
      const seen = await list('supervisor');
      expect(seen).toHaveLength(2);
      expect(seen).toContainEqual({ site: CRM, region: CONTACT, status: 'pending', proposers: 2 });
      expect(seen).toContainEqual({ site: CRM, region: HEADER, status: 'pending', proposers: 1 });
    });

    it('lets a supervisor approve and an admin reject; agents then see the approved one only', async () => {
      const approved = await decide('supervisor', { site: CRM, region: CONTACT, verdict: 'approve' });
      expect(approved.status).toBe(200);
      expect(await approved.json()).toEqual({
        site: CRM,
        region: CONTACT,
        status: 'approved',
        proposers: 2,
        decidedBy: await userIdOf(hub, 'supervisor'),
        decidedAt: expect.any(String),
      });
      expect((await decide('admin', { site: CRM, region: HEADER, verdict: 'reject' })).status).toBe(200);
      await propose('agent', [{ site: CRM, region: CONTACT }]);
      const agentView = await list('agent');
      expect(agentView).toEqual([expect.objectContaining({ region: CONTACT, status: 'approved', proposers: 2 })]);
      expect(await list('store')).toEqual(agentView);
      expect((await list('admin')).map((region) => region.status).sort()).toEqual(['approved', 'rejected']);
    });

    it('refuses decisions from agents and store staff, and about regions never proposed', async () => {
      for (const role of ['agent', 'store'] as const) {
        const response = await decide(role, { site: CRM, region: HEADER, verdict: 'approve' });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'forbidden' });
      }
      const unknown = await decide('supervisor', { site: CRM, region: 'nav|x|a', verdict: 'approve' });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: 'not_found' });
    });

    it('answers bad proposals and decisions with 400 and stores nothing of them', async () => {
      const many = Array.from({ length: 51 }, (_, i) => ({ site: CRM, region: `r${i}` }));
      const cases = [
        await propose('agent', []),
        await propose('agent', many),
        await propose('agent', [
          { site: 'ok.example.com', region: 'fine' },
          { site: CRM, region: 'a\u0000b' },
        ]),
        await propose('agent', [{ site: '', region: 'x' }]),
        await decide('supervisor', { site: CRM, region: CONTACT, verdict: 'maybe' }),
      ];
      for (const response of cases) {
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: 'bad_request', message: expect.any(String) });
      }
      expect((await list('admin')).map((region) => region.site)).not.toContain('ok.example.com');
    });
  });
}

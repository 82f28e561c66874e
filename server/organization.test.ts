// The organization's own identifiers: set by an admin, served to every user in /v1/me, as the extension reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meSchema } from '../lib/feed/schema';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';

const company = { domains: ['maison-lumiere.fr', 'lumiere-pro.com'], phones: ['+33 1 40 00 00 00'] };

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`organization on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
    });
    afterAll(() => hub?.close());

    it("is set by an admin and reaches every user's /v1/me, which the extension accepts", async () => {
      const put = await hub.request('/v1/admin/organization', { method: 'PUT', json: company });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual(company);
      for (const as of ['agent', 'store', 'supervisor', 'admin'] as const) {
        const me = meSchema.parse(await (await hub.request('/v1/me', { as })).json());
        expect(me.organization).toEqual(company);
      }
    });

    it('may be changed by admins only', async () => {
      for (const as of ['agent', 'store', 'supervisor'] as const) {
        const response = await hub.request('/v1/admin/organization', { method: 'PUT', json: { domains: [] }, as });
        expect(response.status).toBe(403);
      }
      const me = await (await hub.request('/v1/me', { as: 'agent' })).json();
      expect(me.organization).toEqual(company);
    });

    it('refuses a malformed body with a clear message and keeps what was set', async () => {
      for (const json of [{ domains: 'maison-lumiere.fr' }, { domains: [], phones: [], extra: true }, []]) {
        const response = await hub.request('/v1/admin/organization', { method: 'PUT', json });
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({
          error: 'bad_request',
          message: expect.stringMatching(/domains/),
        });
      }
      const tooLong = { domains: ['x'.repeat(254)], phones: [] };
      expect((await hub.request('/v1/admin/organization', { method: 'PUT', json: tooLong })).status).toBe(400);
      const me = await (await hub.request('/v1/me', { as: 'store' })).json();
      expect(me.organization).toEqual(company);
    });
  });
}

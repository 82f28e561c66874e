// Tokens and roles: every route is in the access table, and every non-public route checks the token and the role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccess } from './http/access';
import { buildHubApp } from './http/app';
import { revokeToken } from './people/tokens';
import { addUser } from './people/users';
import { missingSealer } from './secrets/sealer';
import { testDatabases } from './test/databases';
import { customer, startTestHub, type TestHub } from './test/hub-fixture';

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`access on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
    });
    afterAll(() => hub?.close());

    it('has an access entry for every registered route, and no entry for a route that does not exist', async () => {
      const { app, routes } = await buildHubApp({
        db: hub.db,
        sealer: missingSealer('not needed'),
        maxBodyBytes: 1024,
        maxPageSize: 10,
        logLevel: 'silent',
      });
      await app.close();
      expect([...routes].sort()).toEqual(Object.keys(routeAccess).sort());
    });

    it('answers /v1/me from the token', async () => {
      const response = await hub.request('/v1/me', { as: 'store' });
      expect(await response.json()).toEqual({
        id: expect.stringMatching(/^usr_/),
        name: 'Test store',
        email: 'store@example.org',
        role: 'store',
        stores: ['paris-rivoli'],
        organization: { domains: [], phones: [] },
      });
    });

    it('lets only admins push customers', async () => {
      const push = { json: { customers: [customer('r1')] } };
      for (const role of ['agent', 'store', 'supervisor'] as const) {
        const response = await hub.request('/v1/admin/customers', { ...push, as: role });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining(role) });
      }
      expect((await hub.request('/v1/admin/customers', { ...push, as: 'admin' })).status).toBe(200);
    });

    it('answers 401 without a token, with an unknown one, an expired one or a revoked one', async () => {
      const user = await addUser(hub.db, {
        email: 'leaver@example.org',
        name: 'Leaver',
        role: 'agent',
        stores: [],
        tokenExpiresInDays: 1,
      });
      expect((await hub.request('/v1/me', { as: { token: user.token } })).status).toBe(200);
      const { rows } = await hub.db.query<{ id: string }>('select id from tokens where user_id = $1', [user.id]);
      await revokeToken(hub.db, rows[0]?.id ?? '');
      const expired = await addUser(hub.db, {
        email: 'old@example.org',
        name: 'Old',
        role: 'agent',
        stores: [],
        tokenExpiresInDays: 1,
      });
      await hub.db.query("update tokens set expires_at = now() - interval '1 second' where user_id = $1", [expired.id]);
      for (const as of [null, { token: 'rch_unknown' }, { token: user.token }, { token: expired.token }]) {
        const response = await hub.request('/v1/changes', { as });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
      }
    });

    it('answers unknown routes and the probes without a token', async () => {
      const unknown = await hub.request('/v1/nothing-here', { as: null });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: 'not_found' });
      expect(await (await hub.request('/healthz', { as: null })).json()).toEqual({ status: 'ok' });
      expect(await (await hub.request('/readyz', { as: null })).json()).toEqual({ status: 'ready' });
    });
  });
}

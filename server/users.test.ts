// /v1/admin/users and tokens: admins create people (their first token shown once), change them, issue and revoke
// tokens; a revoked token gets 401 at its next request; the token hash never leaves the hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from './people/tokens';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`user admin on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
    });
    afterAll(() => hub?.close());

    const createUser = (json: unknown) => hub.request('/v1/admin/users', { json });

    it('creates a user whose first token, shown once, signs in', async () => {
      const response = await createUser({ email: 'Nina@Example.org', name: 'Nina', role: 'store', stores: ['lyon'] });
      expect(response.status).toBe(201);
      const created = await response.json();
      expect(created).toEqual({
        user: {
          id: expect.stringMatching(/^usr_/),
          email: 'Nina@Example.org',
          name: 'Nina',
          role: 'store',
          stores: ['lyon'],
          phones: [],
          createdAt: expect.any(String),
        },
        token: {
          id: expect.stringMatching(/^tok_/),
          userId: created.user.id,
          createdAt: expect.any(String),
          expiresAt: expect.any(String),
          revokedAt: null,
          lastUsedAt: null,
        },
        accessToken: expect.stringMatching(/^rch_/),
      });
      const days = (Date.parse(created.token.expiresAt) - Date.parse(created.token.createdAt)) / 86_400_000;
      expect(Math.round(days)).toBe(365);
      const me = await hub.request('/v1/me', { as: { token: created.accessToken } });
      expect(await me.json()).toMatchObject({ id: created.user.id, role: 'store', stores: ['lyon'] });
      const users = await (await hub.request('/v1/admin/users')).json();
      expect(users.users.map((user: { email: string }) => user.email)).toContain('Nina@Example.org');
      const again = await createUser({ email: 'nina@example.org', name: 'Other', role: 'agent' });
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ error: 'email_taken' });
    });

    it("serves a user's own phones in /v1/me, so that no extension takes them for a customer's", async () => {
      const json = { email: 'desk@example.org', name: 'Desk', role: 'agent', phones: ['+33 6 07 08 09 10'] };
      const created = await (await createUser(json)).json();
      const me = await hub.request('/v1/me', { as: { token: created.accessToken } });
      expect(await me.json()).toMatchObject({ phones: ['+33 6 07 08 09 10'] });
      const patched = await hub.request(`/v1/admin/users/${created.user.id}`, {
        method: 'PATCH',
        json: { phones: ['+33 1 23 45 67 89'] },
      });
      expect(await patched.json()).toMatchObject({ phones: ['+33 1 23 45 67 89'] });
      const after = await hub.request('/v1/me', { as: { token: created.accessToken } });
      expect(await after.json()).toMatchObject({ phones: ['+33 1 23 45 67 89'] });
    });

    it('changes name, role and stores, in force at the next request', async () => {
      const created = await (await createUser({ email: 'paul@example.org', name: 'Paul', role: 'agent' })).json();
      const patch = (json: unknown, id = created.user.id) =>
        hub.request(`/v1/admin/users/${id}`, { method: 'PATCH', json });
      const response = await patch({ name: 'Paul B.', role: 'supervisor', stores: ['nice'] });
      expect(await response.json()).toMatchObject({ name: 'Paul B.', role: 'supervisor', stores: ['nice'] });
      expect((await hub.request('/v1/audit', { as: { token: created.accessToken } })).status).toBe(200);
      expect(await (await patch({ stores: [] })).json()).toMatchObject({ name: 'Paul B.', stores: [] });
      for (const [json, id, status, error] of [
        [{}, created.user.id, 400, 'bad_request'],
        [{ role: 'owner' }, created.user.id, 400, 'bad_request'],
        [{ email: 'x@example.org' }, created.user.id, 400, 'bad_request'],
        [{ name: 'Ghost' }, 'usr_nobody', 404, 'not_found'],
      ] as const) {
        const refused = await patch(json, id);
        expect({ status: refused.status, body: await refused.json() }).toMatchObject({ status, body: { error } });
      }
    });

    it('refuses to demote the last administrator', async () => {
      const admins = (await (await hub.request('/v1/admin/users')).json()).users.filter(
        (user: { role: string }) => user.role === 'admin',
      );
      expect(admins).toHaveLength(1);
      const response = await hub.request(`/v1/admin/users/${admins[0].id}`, {
        method: 'PATCH',
        json: { role: 'agent' },
      });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: 'last_admin' });
    });

    it('issues, lists and revokes tokens; a revoked token gets 401 at its next request', async () => {
      const created = await (await createUser({ email: 'rita@example.org', name: 'Rita', role: 'agent' })).json();
      const tokensPath = `/v1/admin/users/${created.user.id}/tokens`;
      const second = await hub.request(tokensPath, { method: 'POST', json: { expiresInDays: null } });
      expect(second.status).toBe(201);
      const issued = await second.json();
      expect(issued).toMatchObject({ token: { expiresAt: null, revokedAt: null }, accessToken: expect.any(String) });
      expect((await hub.request(tokensPath, { method: 'POST' })).status).toBe(201);
      expect((await hub.request('/v1/me', { as: { token: issued.accessToken } })).status).toBe(200);
      const listed = await (await hub.request(tokensPath)).text();
      expect(listed).not.toContain(hashToken(issued.accessToken));
      const { tokens } = JSON.parse(listed);
      expect(tokens).toHaveLength(3);
      expect(Object.keys(tokens[0]).sort()).toEqual(
        ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'revokedAt', 'userId'].sort(),
      );
      expect(tokens.find((token: { id: string }) => token.id === issued.token.id).lastUsedAt).toEqual(
        expect.any(String),
      );
      const revoked = await hub.request(`/v1/admin/tokens/${issued.token.id}`, { method: 'DELETE' });
      expect(await revoked.json()).toMatchObject({ id: issued.token.id, revokedAt: expect.any(String) });
      const refused = await hub.request('/v1/me', { as: { token: issued.accessToken } });
      expect(refused.status).toBe(401);
      expect((await hub.request('/v1/me', { as: { token: created.accessToken } })).status).toBe(200);
      expect((await hub.request('/v1/admin/tokens/tok_nothing', { method: 'DELETE' })).status).toBe(404);
      expect((await hub.request('/v1/admin/users/usr_nobody/tokens')).status).toBe(404);
    });

    it('answers bad new users with 400, and every user route to non-admins with 403', async () => {
      for (const json of [
        { email: 'not-an-email', name: 'X', role: 'agent' },
        { email: 'x@example.org', name: '', role: 'agent' },
        { email: 'x@example.org', name: 'X', role: 'agent', tokenExpiresInDays: 0 },
        { email: 'x@example.org', name: 'X', role: 'agent', password: 'hunter2' },
      ]) {
        const response = await createUser(json);
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: 'bad_request', message: expect.any(String) });
      }
      for (const role of ['agent', 'store', 'supervisor'] as const) {
        expect((await hub.request('/v1/admin/users', { as: role })).status).toBe(403);
        expect((await hub.request('/v1/admin/tokens/tok_x', { method: 'DELETE', as: role })).status).toBe(403);
      }
    });
  });
}

// Each user's storage secret: stable for that person across tokens and hub processes, different between people.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from './people/tokens';
import { addUser } from './people/users';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';

const secretOf = async (hub: TestHub, as: Parameters<TestHub['request']>[1]) => {
  const response = await hub.request('/v1/storage-key', as);
  expect(response.status).toBe(200);
  const { secret } = (await response.json()) as { secret: string };
  return secret;
};

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`storage key on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
    });
    afterAll(() => hub?.close());

    it('gives each user 32 bytes of their own, the same on every call and with every token of theirs', async () => {
      const agent = await secretOf(hub, { as: 'agent' });
      expect(agent).toMatch(/^[A-Za-z0-9_-]{43}$/); // what the extension accepts (lib/feed/client.ts)
      expect(await secretOf(hub, { as: 'agent' })).toBe(agent);
      expect(await secretOf(hub, { as: 'store' })).not.toBe(agent);
      const someone = await addUser(hub.db, {
        email: 'x@example.org',
        name: 'X',
        role: 'agent',
        stores: [],
        tokenExpiresInDays: 1,
      });
      expect(await secretOf(hub, { as: { token: someone.token } })).not.toBe(agent);
      const secondToken = await issueToken(hub.db, { userId: someone.id, expiresInDays: 1 });
      expect(await secretOf(hub, { as: { token: secondToken } })).toBe(
        await secretOf(hub, { as: { token: someone.token } }),
      );
      // Derived from the one secret in the database, which every hub process on it reads: they all agree.
      const { rows } = await hub.db.query<{ value: string }>("select encode(value, 'hex') as value from hub_secrets");
      expect(rows).toHaveLength(1);
      const stored = Buffer.from(rows[0]?.value ?? '', 'hex');
      const { id } = (await (await hub.request('/v1/me', { as: 'agent' })).json()) as { id: string };
      expect(createHmac('sha256', stored).update(`storage-key:${id}`).digest('base64url')).toBe(agent);
    });

    it('answers 401 without a valid token', async () => {
      expect((await hub.request('/v1/storage-key', { as: null })).status).toBe(401);
    });
  });
}

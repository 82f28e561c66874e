// POST /v1/audit: each device's chain continued or refused whole, one's own entries only, concurrent uploads for one
// device serialized, and a ledger the hub's own connection cannot change (only the retention purge removes entries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../lib/audit/chain';
import type { StoredAuditEntry } from './audit/query';
import { purgeAuditEntries } from './audit/retention';
import { chain, storedSeqs, upload, userIdOf } from './test/audit-entries';
import { testDatabases } from './test/databases';
import { startTestHub, type TestHub } from './test/hub-fixture';

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`/v1/audit uploads on ${database.name}`, () => {
    let hub: TestHub;
    let agent: string;
    beforeAll(async () => {
      hub = await startTestHub(await database.open());
      agent = await userIdOf(hub, 'agent');
    });
    afterAll(() => hub?.close());

    it('continues a device chain, skips the entries it already has, and gives them back as sent', async () => {
      const entries = await chain({
        device: 'dev-a',
        user: agent,
        count: 5,
        facts: (index) => ({ at: `2025-03-01T12:00:0${index}.5+02:00`, reason: index === 1 ? 'called in' : undefined }),
      });
      const first = await upload(hub, entries.slice(0, 3));
      expect(await first.json()).toEqual({ accepted: 3, duplicates: 0 });
      const retried = await upload(hub, [entries[4], entries[1], entries[2], entries[3]]);
      expect(await retried.json()).toEqual({ accepted: 2, duplicates: 2 });
      expect(await storedSeqs(hub, 'dev-a')).toEqual([1, 2, 3, 4, 5]);
      const listed = await (await hub.request('/v1/audit?limit=10', { as: 'supervisor' })).json();
      const back = (listed.entries as StoredAuditEntry[])
        .reverse()
        .map(({ receivedAt: _r, uploadedBy: _u, ...entry }) => entry);
      expect(back).toEqual(entries);
      expect(await verifyChain(back)).toEqual({ ok: true, entries: 5 });
    });

    it('refuses a gap, an altered entry or a different retry with 409, writing nothing of the batch', async () => {
      const [one, two, three] = await chain({ device: 'dev-b', user: agent, count: 3 });
      const other = await chain({ device: 'dev-c', user: agent, count: 2 });
      expect((await upload(hub, [one])).status).toBe(200);
      const altered = { ...two, where: 'elsewhere.example.com' };
      const [differentOne] = await chain({
        device: 'dev-b',
        user: agent,
        count: 1,
        facts: () => ({ action: 'reveal' }),
      });
      for (const batch of [
        [...other, three],
        [...other, altered],
        [...other, differentOne, two],
      ]) {
        const response = await upload(hub, batch);
        expect(response.status).toBe(409);
        expect(await response.json()).toMatchObject({
          error: 'chain_conflict',
          message: expect.stringMatching(/dev-b/),
        });
      }
      expect(await storedSeqs(hub, 'dev-b')).toEqual([1]);
      expect(await storedSeqs(hub, 'dev-c')).toEqual([]);
    });

    it("refuses another user's entries with 403, whatever the uploader's role", async () => {
      const admin = await userIdOf(hub, 'admin');
      const mixed = [
        ...(await chain({ device: 'dev-d', user: admin, count: 1 })),
        ...(await chain({ device: 'dev-e', user: agent, count: 1 })),
      ];
      const response = await upload(hub, mixed, 'admin');
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        error: 'forbidden',
        message: expect.stringMatching(/another user/),
      });
      expect(await storedSeqs(hub, 'dev-d')).toEqual([]);
      expect((await upload(hub, mixed.slice(0, 1), 'admin')).status).toBe(200);
    });

    it('lets only one of two concurrent continuations of a device chain in', async () => {
      const [start] = await chain({ device: 'dev-f', user: agent, count: 1 });
      if (!start) throw new Error('no entry');
      await upload(hub, [start]);
      for (let round = 0; round < 8; round++) {
        const last = (await storedSeqs(hub, 'dev-f')).length;
        const stored = await hub.db.query<{ hash: string }>(
          'select hash from audit_entries where device = $1 and seq = $2',
          ['dev-f', last],
        );
        const after = { ...start, seq: last, hash: stored.rows[0]?.hash ?? '' };
        const branches = await Promise.all(
          ['a', 'b', 'c'].map((branch) =>
            chain({ device: 'dev-f', user: agent, count: 2, after, facts: () => ({ where: `${branch}.example.com` }) }),
          ),
        );
        const statuses = await Promise.all(branches.map((branch) => upload(hub, branch).then((r) => r.status)));
        expect(statuses.sort()).toEqual([200, 409, 409]);
      }
      expect(await storedSeqs(hub, 'dev-f')).toHaveLength(17);
    });

    it('answers bad batches with a clear JSON error', async () => {
      const [entry] = await chain({ device: 'dev-g', user: agent, count: 1 });
      const cases = [
        [await upload(hub, [{ ...entry, hash: 'nope' }]), 400, 'bad_request'],
        [await upload(hub, [{ ...entry, where: 'a\u0000b' }]), 400, 'bad_request'],
        [await hub.request('/v1/audit', { json: { entry } }), 400, 'bad_request'],
        [
          await upload(
            hub,
            Array.from({ length: 1001 }, () => entry),
          ),
          413,
          'too_many_records',
        ],
      ] as const;
      for (const [response, status, error] of cases) {
        expect({ status: response.status, body: await response.json() }).toMatchObject({
          status,
          body: { error, message: expect.any(String) },
        });
      }
    });

    it('refuses UPDATE, DELETE and TRUNCATE through the hub connection; only the retention purge removes', async () => {
      const statements = [
        "update audit_entries set reason = 'edited'",
        "delete from audit_entries where device = 'dev-a'",
        'truncate audit_entries',
      ];
      for (const statement of statements) {
        await expect(hub.db.query(statement)).rejects.toThrow(/append-only|permission denied/);
      }
      await expect(
        hub.db.transaction(async (tx) => {
          await tx.query("select set_config('reconnu.audit_purge_before', '2000-01-01', true)");
          await tx.query("delete from audit_entries where device = 'dev-a'");
        }),
      ).rejects.toThrow(/append-only/);
      expect(await storedSeqs(hub, 'dev-a')).toEqual([1, 2, 3, 4, 5]);
      expect(await hub.hub.purgeAuditEntries()).toBe(0);
      const all = await hub.db.query<{ count: number }>('select count(*)::int8 as count from audit_entries');
      expect(await purgeAuditEntries(hub.db, { retentionSeconds: 0 })).toBe(all.rows[0]?.count);
      expect(await storedSeqs(hub, 'dev-a')).toEqual([]);
    });
  });
}

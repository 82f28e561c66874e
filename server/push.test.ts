// POST /v1/admin/customers: validation with the extension's schema, versions, and one transaction per request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './test/databases';
import { customer, deletion, startTestHub, type TestHub } from './test/hub-fixture';

async function storedVersions(hub: TestHub, ids: string[]) {
  const { rows } = await hub.db.query<{ id: string; version: number; deleted: boolean }>(
    'select id, version, deleted_at is not null as deleted from customers where id = any($1) order by id',
    [ids],
  );
  return rows;
}

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`push on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open(), { maxBodyBytes: 256 * 1024 });
    });
    afterAll(() => hub?.close());

    it('rejects a bad record with its id and reason while the valid ones land', async () => {
      const response = await hub.request('/v1/admin/customers', {
        json: { customers: [customer('p1'), { ...customer('p2'), version: -1 }, { nope: 1 }, customer('p3')] },
      });
      expect(response.status).toBe(200);
      const result = await response.json();
      expect(result).toMatchObject({ accepted: 2, unchanged: 0 });
      expect(result.rejected).toEqual([
        { id: 'p2', index: 1, reason: expect.stringContaining('version') },
        { id: null, index: 2, reason: expect.stringContaining('id') },
      ]);
      expect(await storedVersions(hub, ['p1', 'p2', 'p3'])).toEqual([
        { id: 'p1', version: 1, deleted: false },
        { id: 'p3', version: 1, deleted: false },
      ]);
    });

    it('takes NDJSON, keeps the higher version, and counts what changed nothing', async () => {
      const lines = [customer('p1', 3), customer('p3', 1), deletion('p4'), '{oops'];
      const response = await hub.request('/v1/admin/customers', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-ndjson' },
        body: lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'),
      });
      expect(await response.json()).toEqual({
        accepted: 3,
        unchanged: 1,
        rejected: [{ id: null, index: 3, reason: 'line 4: not valid JSON' }],
      });
      expect(await storedVersions(hub, ['p1', 'p3', 'p4'])).toMatchObject([
        { version: 3 },
        { version: 1 },
        { deleted: true },
      ]);
    });

    it('refuses a record PostgreSQL cannot store instead of failing the batch', async () => {
      const response = await hub.request('/v1/admin/customers', {
        // The third spells a backslash then "u0000": text, not a NUL.
        json: { customers: [customer('nul', 1, 'A\u0000B'), customer('p5'), customer('p6', 1, 'A\\u0000B')] },
      });
      expect(await response.json()).toMatchObject({
        accepted: 2,
        rejected: [{ id: 'nul', reason: expect.stringMatching(/NUL/) }],
      });
    });

    it('leaves nothing of a batch whose transaction fails', async () => {
      await hub.db.exec(`
        create function refuse_boom() returns trigger language plpgsql as
          $$ begin if new.id = 'boom' then raise exception 'refused'; end if; return new; end $$;
        create trigger refuse_boom before insert on customers for each row execute function refuse_boom();`);
      const before = await hub.request('/v1/changes', { as: 'agent' }).then((response) => response.json());
      const response = await hub.request('/v1/admin/customers', {
        json: { customers: [customer('t1'), customer('p1', 9), customer('boom'), customer('t2')] },
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({
        error: 'internal_error',
        message: expect.stringMatching(/nothing/),
      });
      expect(await storedVersions(hub, ['boom', 'p1', 't1', 't2'])).toEqual([{ id: 'p1', version: 3, deleted: false }]);
      const after = await hub.request('/v1/changes', { as: 'agent' }).then((response) => response.json());
      expect(after.remaining).toBe(before.remaining);
      await hub.db.exec('drop trigger refuse_boom on customers; drop function refuse_boom();');
    });

    it('answers bad requests with a clear JSON error', async () => {
      const post = (options: Parameters<TestHub['request']>[1]) =>
        hub.request('/v1/admin/customers', { method: 'POST', ...options });
      const cases = [
        [
          await post({ body: '{"customers": [', headers: { 'Content-Type': 'application/json' } }),
          400,
          'malformed_json',
        ],
        [await post({ json: { customers: 'all of them' } }), 400, 'bad_request'],
        [await post({ json: { customers: Array.from({ length: 10_001 }, () => 0) } }), 413, 'too_many_records'],
        [await post({ json: { customers: [customer('big', 1, 'x'.repeat(300_000))] } }), 413, 'body_too_large'],
        [await post({ body: 'id,name', headers: { 'Content-Type': 'text/csv' } }), 415, 'unsupported_media_type'],
      ] as const;
      for (const [response, status, error] of cases) {
        expect({ status: response.status, body: await response.json() }).toMatchObject({
          status,
          body: { error, message: expect.any(String) },
        });
      }
    });
  });
}

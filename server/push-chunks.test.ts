// A push of more records than one chunk is written chunk by chunk (server/feed/push.ts): each record must be checked
// and stored exactly as if the batch were written in one statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database';
import { PUSH_CHUNK, pushChanges } from './feed/push';
import { scopeRules } from './scopes/rules';
import { testDatabases } from './test/databases';
import { customer, deletion } from './test/hub-fixture';

const rules = scopeRules();
const count = PUSH_CHUNK * 2 + 10;
const ids = Array.from({ length: count }, (_, index) => `c${index}`);

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`a push of several chunks on ${database.name}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await database.open();
    });
    afterAll(() => db?.close());

    it('rejects bad records at their place in the request, stores the rest with one sequence number each', async () => {
      const records: unknown[] = ids.map((id) => customer(id));
      records[PUSH_CHUNK + 5] = { ...customer('bad'), version: -1 };
      records[count - 1] = { ...customer('nul'), name: { given: 'A\u0000', family: 'B' } };
      const result = await pushChanges(db, records, { rules });
      expect(result.rejected).toEqual([
        { id: 'bad', index: PUSH_CHUNK + 5, reason: expect.stringContaining('version') },
        { id: 'nul', index: count - 1, reason: expect.stringContaining('NUL') },
      ]);
      expect(result).toMatchObject({ accepted: count - 2, unchanged: 0 });
      const { rows } = await db.query<{ rows: number; seqs: number; head: number }>(
        `select count(*)::int as rows, count(distinct seq)::int as seqs, (select head_seq from feed_state) as head
         from customers`,
      );
      expect(rows[0]).toEqual({ rows: count - 2, seqs: count - 2, head: count - 2 });
      const again = await pushChanges(db, records, { rules });
      expect(again).toMatchObject({ accepted: count - 2, unchanged: count - 2 });
    });

    it('lets a deletion, then the highest version, win when an id comes twice, chunks apart', async () => {
      const records: unknown[] = ids.map((id) => customer(id, 5));
      records[1] = deletion('c0');
      records[PUSH_CHUNK + 1] = customer('c0', 9);
      records[2] = customer('c2', 9);
      records[PUSH_CHUNK + 2] = customer('c2', 7);
      await pushChanges(db, records, { rules });
      const { rows } = await db.query<{ id: string; version: number; deleted: boolean }>(
        "select id, version, deleted_at is not null as deleted from customers where id in ('c0', 'c2') order by id",
      );
      expect(rows).toEqual([
        { id: 'c0', version: 1, deleted: true },
        { id: 'c2', version: 9, deleted: false },
      ]);
    });
  });
}

// `npm run hub -- import FILE`: NDJSON and CSV files, validated like a push, applied in batches, bad lines reported
// with their line number and reason.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database';
import { CsvHeaderError } from './import/csv';
import { ImportStoppedError, importFile } from './import/run';
import { scopeRules } from './scopes/rules';
import { testDatabases } from './test/databases';
import { customer, deletion } from './test/hub-fixture';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hub-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: (string | object)[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'));
  return file;
}

async function stored(db: Database) {
  const { rows } = await db.query<{ id: string; version: number; deleted: boolean; body: Record<string, unknown> }>(
    'select id, version, deleted_at is not null as deleted, body from customers order by id',
  );
  return rows;
}

const NDJSON = [
  customer('n1'),
  customer('n2', 2),
  '{not json',
  '',
  { ...customer('n3'), version: -1 },
  customer('n2', 1),
  deletion('n4'),
  { ...customer('n5'), stores: ['lyon'] },
];

const CSV = [
  '\uFEFFid,version,updatedAt,given_name,family_name,emails,phones,loyalty_tier,loyalty_points,stores,country,deleted',
  'c1,1,2025-03-01T10:00:00Z,Zoé,"Martin, née ""Roux""",zoe@example.org|zm@example.org,+33 6 12 34 56 78,gold,120,paris|lyon,fr,',
  'c2,abc,2025-03-01T10:00:00Z,Léa,Petit,,,,,,,',
  'c3,1,2025-03-01T10:00:00Z,"Jean',
  'Pierre",Durand,,,,,,,',
  'c4,1,2025-03-01T10:00:00Z,Only,Three',
  'c5,1,2025-03-01T10:00:00Z,,,,,silver,,,,',
  'c6,1,2025-03-04T10:00:00Z,,,,,,,,,yes',
];

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`import on ${database.name}`, () => {
    let db: Database;
    const rules = scopeRules();
    beforeAll(async () => {
      db = await database.open();
    });
    afterAll(() => db?.close());

    it('imports NDJSON in batches, and reports every bad line with its number and reason', async () => {
      const file = write(`${database.name}.ndjson`, NDJSON);
      const summary = await importFile({ db, file, format: 'ndjson', rules, batchSize: 2 });
      expect(summary).toMatchObject({ imported: 4, unchanged: 1, rejected: 2 });
      expect(summary.firstRejections).toEqual([
        { line: 3, id: null, reason: 'not valid JSON' },
        { line: 5, id: 'n3', reason: expect.stringContaining('version') },
      ]);
      const written = readFileSync(summary.rejectedFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(written).toEqual(summary.firstRejections);
      expect(await stored(db)).toMatchObject([
        { id: 'n1', version: 1 },
        { id: 'n2', version: 2 },
        { id: 'n4', deleted: true },
        { id: 'n5', version: 1 },
      ]);
      const again = await importFile({ db, file, format: 'ndjson', rules });
      expect(again).toMatchObject({ imported: 0, unchanged: 5, rejected: 2 });
    });

    it('imports CSV with quoted fields, lists separated by |, deletions, and bad rows reported', async () => {
      const file = write(`${database.name}.csv`, CSV);
      const summary = await importFile({ db, file, format: 'csv', rules, batchSize: 3 });
      expect(summary).toMatchObject({ imported: 3, unchanged: 0, rejected: 3 });
      expect(summary.firstRejections).toEqual([
        { line: 3, id: 'c2', reason: expect.stringContaining('version') },
        { line: 6, id: null, reason: 'has 5 fields where the header has 12' },
        { line: 7, id: 'c5', reason: expect.stringContaining('loyalty.points') },
      ]);
      const rows = (await stored(db)).filter((row) => row.id.startsWith('c'));
      expect(rows.map((row) => [row.id, row.deleted])).toEqual([
        ['c1', false],
        ['c3', false],
        ['c6', true],
      ]);
      expect(rows[0]?.body).toMatchObject({
        name: { given: 'Zoé', family: 'Martin, née "Roux"' },
        emails: ['zoe@example.org', 'zm@example.org'],
        phones: ['+33 6 12 34 56 78'],
        loyalty: { tier: 'gold', points: 120 },
        stores: ['paris', 'lyon'],
        addresses: [{ country: 'fr' }],
      });
      expect(rows[1]?.body).toMatchObject({ name: { given: 'Jean\nPierre', family: 'Durand' } });
    });

    it('stops at a CSV header it does not know, before writing anything', async () => {
      const file = write(`${database.name}-bad.csv`, [
        'id,version,updatedAt,birthday',
        'x1,1,2025-03-01T10:00:00Z,1990',
      ]);
      const failed = importFile({ db, file, format: 'csv', rules });
      await expect(failed).rejects.toBeInstanceOf(ImportStoppedError);
      await expect(failed).rejects.toMatchObject({ cause: expect.any(CsvHeaderError) });
      expect((await stored(db)).map((row) => row.id)).not.toContain('x1');
    });

    it('runs as `npm run hub -- import`, progress on stderr and the summary on stdout', {
      timeout: 120_000,
    }, async () => {
      const url = await database.newUrl?.();
      const { DATABASE_URL: _ignored, ...env } = process.env;
      const file = write(`${database.name}-cli.ndjson`, NDJSON);
      const args = ['run', '-s', 'hub', '--', 'import', file, '--data', join(dir, `${database.name}-data`)];
      const result = await run('npm', args, {
        cwd: ROOT,
        env: { ...env, HUB_LOG_LEVEL: 'warn', ...(url ? { DATABASE_URL: url } : {}) },
      });
      expect(result.stdout).toContain(
        'Imported 4, unchanged 1, rejected 2\n  line 3: not valid JSON\n  line 5 (n3): version',
      );
      expect(result.stdout).toContain(`${file}.rejected.ndjson`);
      expect(result.stderr).toMatch(/^Import: 7 records read \(100%\)$/m);
    });
  });
}

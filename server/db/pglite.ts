// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) in a data directory, or in memory when none is
// given. It is one connection: PGlite queues queries, and a transaction holds it exclusively.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Database, INT8_TYPE_ID, type Queryable, type SqlValue } from './database';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows, affected: result.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

export async function openPglite(options: { dataDir?: string }): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    parsers: { [INT8_TYPE_ID]: (value: string) => Number(value) },
  });
  return {
    engine: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    close: () => pglite.close(),
  };
}

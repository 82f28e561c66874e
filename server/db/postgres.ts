// A PostgreSQL server through node-postgres' pool. Each transaction takes one pooled connection for its duration.
import pg from 'pg';
import { type Database, INT8_TYPE_ID, type Queryable, type SqlValue } from './database';

const types = new pg.TypeOverrides();
types.setTypeParser(INT8_TYPE_ID, Number);

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query<Row & pg.QueryResultRow>(sql, [...params]);
      return { rows: result.rows, affected: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  };
}

export interface PostgresOptions {
  url: string;
  /** Connections kept open at most. */
  poolSize?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  await pool.query('select 1');
  return {
    engine: 'postgresql',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

// The one database interface the hub codes against, so the same SQL runs on embedded PGlite and on a PostgreSQL
// server. Parameters are positional ($1, $2…); bigint columns come back as numbers (sequences stay far below 2^53).

export type SqlValue = string | number | boolean | null | Date | readonly SqlValue[];

export interface Queryable {
  /** One statement with parameters. */
  query<Row extends object>(sql: string, params?: readonly SqlValue[]): Promise<QueryResult<Row>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted by the statement. */
  affected: number;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Which engine this is, for logs and test names. */
  readonly engine: 'pglite' | 'postgresql';
}

/** PostgreSQL's type id of int8, parsed to a number by both drivers. */
export const INT8_TYPE_ID = 20;

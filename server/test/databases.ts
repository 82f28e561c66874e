// The databases every hub suite runs on: embedded PGlite in memory, and a fresh database on the test PostgreSQL server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open';

export interface TestDatabase {
  name: string;
  /** Why this engine's suites are skipped, when they are. */
  unavailable?: string;
  /** A new, migrated, empty database. */
  open(): Promise<Database>;
  /** A connection URL for the CLI, when the engine is a server. */
  newUrl?(): Promise<string>;
}

/** Creates an empty database on the test server and returns its URL. */
async function createServerDatabase(serverUrl: string): Promise<string> {
  const name = `hub_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database ${name} template template0`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function testDatabases(): TestDatabase[] {
  const postgres = inject('postgres');
  const serverUrl = 'url' in postgres ? postgres.url : undefined;
  const newUrl = async () => {
    if (!serverUrl) throw new Error('no PostgreSQL server');
    return createServerDatabase(serverUrl);
  };
  return [
    { name: 'PGlite', open: () => openDatabase({}) },
    {
      name: 'PostgreSQL',
      unavailable: 'unavailable' in postgres ? postgres.unavailable : undefined,
      open: async () => openDatabase({ databaseUrl: await newUrl() }),
      newUrl,
    },
  ];
}

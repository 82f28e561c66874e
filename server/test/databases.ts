// The databases every hub suite runs on: embedded PGlite in memory, and a fresh database on the test PostgreSQL server.
import { inject } from 'vitest';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open';
import { createServerDatabase } from './postgres-cluster';

export interface TestDatabase {
  name: string;
  /** Why this engine's suites are skipped, when they are. */
  unavailable?: string;
  /** A new, migrated, empty database. */
  open(): Promise<Database>;
  /** A connection URL for the CLI, when the engine is a server. */
  newUrl?(): Promise<string>;
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

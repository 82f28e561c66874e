// Picks the database: the PostgreSQL server of DATABASE_URL when set, else embedded PGlite in the data directory.
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface OpenDatabaseOptions {
  /** postgres://… ; when absent the embedded database is used. */
  databaseUrl?: string;
  /** The embedded database's directory; in memory when absent (tests). */
  dataDir?: string;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres({ url: options.databaseUrl })
    : await openPglite({ dataDir: options.dataDir });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

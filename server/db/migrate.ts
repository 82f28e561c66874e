// Versioned SQL migrations (server/migrations/NNN-name.sql), applied by Umzug at start. They all run in one
// transaction under an advisory lock, so two hub processes starting together on one PostgreSQL apply them once, and a
// failing migration leaves the schema as it was (PostgreSQL's DDL is transactional).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Umzug, type UmzugStorage } from 'umzug';
import type { Database, Queryable } from './database';

const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations');
/** An arbitrary constant naming the hub's migration lock among the advisory locks of the database. */
const MIGRATION_LOCK = 7_250_417;

/** Umzug's record of applied migrations, kept in the database it migrates. */
const storage: UmzugStorage<Queryable> = {
  async executed({ context }) {
    await context.exec(
      'create table if not exists hub_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const { rows } = await context.query<{ name: string }>('select name from hub_migrations order by name');
    return rows.map((row) => row.name);
  },
  async logMigration({ name, context }) {
    await context.query('insert into hub_migrations (name) values ($1)', [name]);
  },
  async unlogMigration({ name, context }) {
    await context.query('delete from hub_migrations where name = $1', [name]);
  },
};

/** Applies the pending migrations; returns their names. */
export async function migrate(db: Database): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const umzug = new Umzug<Queryable>({
      migrations: {
        glob: ['[0-9][0-9][0-9]-*.sql', { cwd: MIGRATIONS_DIR }],
        resolve: ({ name, path, context }) => ({
          name,
          up: async () => context.exec(readFileSync(path ?? join(MIGRATIONS_DIR, name), 'utf8')),
        }),
      },
      context: tx,
      storage,
      logger: undefined,
    });
    const applied = await umzug.up();
    return applied.map((migration) => migration.name);
  });
}

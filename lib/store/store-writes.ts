import type { DBCore, Middleware } from 'dexie';
import { forgetMeta } from './meta-cache';
import type { MetaStore } from './meta-rows';

/**
 * How many writes this worker has issued to the store. Only the background writes the store, so when the count has
 * not moved since some reads began, nothing they read has changed: a sync page reads where its customers' copies
 * are, and prepares its erasures, before its write transaction and uses them in it as they are (write.ts).
 */
const counts = new WeakMap<MetaStore, number>();

export function storeWrites(db: MetaStore): number {
  return counts.get(db) ?? 0;
}

/**
 * Dexie middleware: every mutation of any table (put, add, delete, clear) counts when it is issued, and one of the
 * meta table also forgets the cached meta rows (meta-cache.ts).
 */
export function storeWatch(db: MetaStore): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'reconnu-store-watch',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            counts.set(db, storeWrites(db) + 1);
            if (name === 'meta') forgetMeta(db);
            return table.mutate(request);
          },
        };
      },
    }),
  };
}

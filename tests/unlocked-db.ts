import { generateDataKey, ReconnuDb } from '../lib/store';

/** A fresh store, named uniquely, already holding a data key (as after unlockStore). */
export async function unlockedDb(prefix: string): Promise<ReconnuDb> {
  const db = new ReconnuDb(`${prefix}-${Math.random()}`);
  db.setDataKey(await generateDataKey());
  return db;
}

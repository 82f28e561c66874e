import { generateDataKey } from '../lib/store/crypto';
import { ReconnuDb } from '../lib/store/db';

/** A fresh store, named uniquely, already holding a data key (as after unlockStore). */
export async function unlockedDb(prefix: string): Promise<ReconnuDb> {
  const db = new ReconnuDb(`${prefix}-${Math.random()}`);
  db.setKey(await generateDataKey());
  return db;
}

import type { Customer } from '../feed/schema';
import type { ReconnuDb } from './db';
import { segmentsForKey } from './key-index';
import { idKey } from './keys';
import { customersWithKey } from './segments';

/** Every customer holding this index key (several when a phone or email is shared). */
export async function findByKey(db: ReconnuDb, key: string): Promise<Customer[]> {
  return db.transaction('r', db.keyBlocks, db.meta, db.segments, async () => {
    const segments = await db.segments.bulkGet(await segmentsForKey(db, key));
    return segments.flatMap((segment) => (segment ? customersWithKey(segment, key) : []));
  });
}

export async function getCustomer(db: ReconnuDb, id: string): Promise<Customer | undefined> {
  return (await findByKey(db, idKey(id)))[0];
}

/** Visits every stored customer, segment by segment, without loading the whole store at once. */
export async function forEachCustomer(db: ReconnuDb, visit: (customer: Customer) => void): Promise<void> {
  await db.segments.each((segment) => {
    for (const doc of segment.docs) visit(JSON.parse(doc) as Customer);
  });
}

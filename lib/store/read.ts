import type { Customer } from '../feed/schema';
import type { ReconnuDb } from './db';
import { customerKeys, idKey } from './keys';

/** Every customer holding this index key (several when a phone or email is shared). */
export async function findByKey(db: ReconnuDb, key: string): Promise<Customer[]> {
  const segments = await db.segments.where('keys').equals(key).toArray();
  const found: Customer[] = [];
  for (const segment of segments) {
    for (const customer of segment.customers) if (customerKeys(customer).includes(key)) found.push(customer);
  }
  return found;
}

export async function getCustomer(db: ReconnuDb, id: string): Promise<Customer | undefined> {
  return (await findByKey(db, idKey(id)))[0];
}

/** Visits every stored customer, segment by segment, without loading the whole store at once. */
export async function forEachCustomer(db: ReconnuDb, visit: (customer: Customer) => void): Promise<void> {
  await db.segments.each((segment) => {
    for (const customer of segment.customers) visit(customer);
  });
}

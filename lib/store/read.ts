import { mark } from '../debug/timing';
import type { Customer } from '../feed/schema';
import type { ReconnuDb } from './db';
import { idKey } from './keys';
import { entriesForKeys, entriesInRange } from './lookup-index/key-index';
import { pendingRemovals, pendingSet } from './lookup-index/purge';
import { readStaleSegments } from './meta-cache';
import { locateCopies } from './segments/copies';
import { customersWithKey, openSegments } from './segments/segments';

/** Every customer holding this index key (several when a phone or email is shared), latest versions only. */
export async function findByKey(db: ReconnuDb, key: string): Promise<Customer[]> {
  return (await findByKeys(db, [key])).get(key) ?? [];
}

/**
 * Customers holding each of these keys, latest versions only, in one transaction and one read of the segments. A
 * superseded copy can only sit in a segment listed as stale: elsewhere every copy found is the latest. The segments
 * are decrypted after the transaction (what it read is a consistent snapshot; inside it, every WebCrypto wait costs
 * keep-alive requests). A locked store (no key yet) finds nobody.
 */
export async function findByKeys(db: ReconnuDb, keys: string[]): Promise<Map<string, Customer[]>> {
  const found = new Map<string, Customer[]>();
  if (keys.length === 0 || !db.unlocked) return found;
  let at = performance.now();
  const step = (name: string) => {
    mark(name, at);
    at = performance.now();
  };
  const stores = [db.indexBlocks, db.indexDirectories, db.meta, db.segments];
  const { entries, stored, staleSegs, latest } = await db.transaction('r', stores, async () => {
    step('find.txWait');
    // Independent reads of one transaction, issued together.
    const [stale, indexed] = await Promise.all([readStaleSegments(db), entriesForKeys(db, keys)]);
    const entries = [...new Map(indexed.map((entry) => [`${entry[0]}\u0000${entry[1]}`, entry])).values()];
    step('find.index');
    const segs = [...new Set(entries.map(([, seg]) => seg))];
    const stored = (await db.segments.bulkGet(segs)).flatMap((segment) => segment ?? []);
    // Ids and versions are in clear: the latest version of each id of a stale segment is known before decrypting.
    const staleSegs = new Set(stale.segs);
    const staleIds = stored.filter((segment) => staleSegs.has(segment.seg as number)).flatMap(({ ids }) => ids);
    const latest = staleIds.length > 0 ? await locateCopies(db, [...new Set(staleIds)]) : undefined;
    step('find.segRead');
    return { entries, stored, staleSegs, latest };
  });
  const segments = new Map((await openSegments(db.dataKey, stored)).map((segment) => [segment.seg, segment]));
  step('find.segOpen');
  for (const [key, seg] of entries) {
    const segment = segments.get(seg);
    if (!segment) continue;
    const customers = customersWithKey(segment, key);
    const kept =
      latest && staleSegs.has(seg)
        ? customers.filter((customer) => customer.version === latest.get(customer.id)?.version)
        : customers;
    const known = found.get(key) ?? [];
    found.set(key, [...known, ...kept.filter((customer) => !known.some((other) => other.id === customer.id))]);
  }
  step('find.pick');
  return found;
}

export async function getCustomer(db: ReconnuDb, id: string): Promise<Customer | undefined> {
  return (await findByKey(db, idKey(id)))[0];
}

/** The id of every stored customer, from the key index's id entries (connectors compare it with what is live). */
export async function storedCustomerIds(db: ReconnuDb): Promise<string[]> {
  // No transaction: a page committed between the two reads can only add ids a connector finds live, or erased ones
  // whose second deletion changes nothing.
  return liveIdKeys(db);
}

/** The customer ids of the index's id entries, less those whose copy is gone and entry awaits the purge. */
export async function liveIdKeys(db: ReconnuDb): Promise<string[]> {
  const entries = await entriesInRange(db, 'i:', 'i:\uffff');
  const pending = await pendingRemovals(db);
  const gone = pendingSet(pending);
  const ids = entries.filter(([key, seg]) => !gone.has(`${seg}\u0001${key}`)).map(([key]) => key.slice(2));
  return [...new Set(ids)];
}

const VISIT_BATCH = 200;

/** Visits the latest copy of every stored customer, a batch of segments at a time. */
export async function forEachCustomer(db: ReconnuDb, visit: (customer: Customer) => void): Promise<void> {
  const latest = new Map<string, number>();
  await db.segments.each((segment) => {
    segment.ids.forEach((id, i) => {
      latest.set(id, Math.max(latest.get(id) ?? 0, segment.versions[i] as number));
    });
  });
  for (let after = -1; ; ) {
    const batch = await db.segments.where(':id').above(after).limit(VISIT_BATCH).toArray();
    if (batch.length === 0) return;
    after = batch.at(-1)?.seg as number;
    for (const segment of await openSegments(db.dataKey, batch)) {
      segment.ids.forEach((id, i) => {
        if (segment.versions[i] === latest.get(id)) visit(JSON.parse(segment.docs[i] as string) as Customer);
      });
    }
  }
}

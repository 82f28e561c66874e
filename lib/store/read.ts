import type { Customer } from '../feed/schema';
import { latestOnly } from './copies';
import type { IndexState, ReconnuDb, StaleSegments } from './db';
import { segmentsForKey } from './key-index';
import { idKey } from './keys';
import { customersWithKey } from './segments';

/** Every customer holding this index key (several when a phone or email is shared), latest versions only. */
export async function findByKey(db: ReconnuDb, key: string): Promise<Customer[]> {
  return db.transaction('r', db.keyBlocks, db.meta, db.segments, async () => {
    const [index, stale] = (await db.meta.bulkGet(['index', 'stale'])) as [IndexState?, StaleSegments?];
    const runs = index?.runs.map((run) => run.id) ?? [];
    const segments = await db.segments.bulkGet(await segmentsForKey(db, key, runs));
    const found = segments.flatMap((segment) => (segment ? customersWithKey(segment, key) : []));
    // A superseded copy can only sit in a segment listed as stale: otherwise every copy found is the latest.
    const staleSegs = new Set(stale?.segs ?? []);
    const mayBeStale = segments.some((segment) => segment?.seg !== undefined && staleSegs.has(segment.seg));
    return mayBeStale ? latestOnly(db, found) : found;
  });
}

export async function getCustomer(db: ReconnuDb, id: string): Promise<Customer | undefined> {
  return (await findByKey(db, idKey(id)))[0];
}

/** Visits the latest copy of every stored customer, segment by segment. */
export async function forEachCustomer(db: ReconnuDb, visit: (customer: Customer) => void): Promise<void> {
  const latest = new Map<string, number>();
  await db.segments.each((segment) => {
    segment.ids.forEach((id, i) => {
      latest.set(id, Math.max(latest.get(id) ?? 0, segment.versions[i] as number));
    });
  });
  await db.segments.each((segment) => {
    segment.ids.forEach((id, i) => {
      if (segment.versions[i] === latest.get(id)) visit(JSON.parse(segment.docs[i] as string) as Customer);
    });
  });
}

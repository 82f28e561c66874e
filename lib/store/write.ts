import { type Change, type Customer, isDeletion } from '../feed/schema';
import { type QuarantinedRecord, type ReconnuDb, readCheckpoint, type Segment } from './db';
import { idKey } from './keys';
import { packSegments, withoutIds } from './segments';

export interface PageCommit {
  changes: Change[];
  quarantined: QuarantinedRecord[];
  /** The cursor that covers this page; committed in the same transaction as its data. */
  cursor: string;
  syncedAt: string;
}

export interface ApplyResult {
  added: number;
  replaced: number;
  deleted: number;
  stale: number;
  customers: number;
}

interface Located {
  seg: number;
  version: number;
}

/**
 * Applies one page of changes and its cursor atomically: a worker killed at any point leaves either the page
 * and its cursor, or neither. Higher versions replace lower ones; an older or equal version changes nothing.
 */
export async function applyPage(db: ReconnuDb, page: PageCommit): Promise<ApplyResult> {
  const latest = latestPerId(page.changes);
  return db.transaction('rw', db.segments, db.meta, db.quarantine, async () => {
    const located = await locate(db, [...latest.keys()]);
    const result: ApplyResult = { added: 0, replaced: 0, deleted: 0, stale: 0, customers: 0 };
    const removals = new Map<number, Set<string>>();
    const incoming: Customer[] = [];
    for (const [id, change] of latest) {
      const existing = located.get(id);
      if (isDeletion(change)) {
        if (existing) markRemoval(removals, existing.seg, id);
        if (existing) result.deleted++;
        continue;
      }
      if (existing && existing.version >= change.version) {
        result.stale++;
        continue;
      }
      if (existing) markRemoval(removals, existing.seg, id);
      if (existing) result.replaced++;
      else result.added++;
      incoming.push(change);
    }
    await rewriteSegments(db, removals);
    await db.segments.bulkAdd(packSegments(incoming));
    const checkpoint = await readCheckpoint(db);
    result.customers = checkpoint.customers + result.added - result.deleted;
    await db.meta.put({ ...checkpoint, cursor: page.cursor, customers: result.customers });
    await clearQuarantine(db, incoming);
    await db.quarantine.bulkPut(page.quarantined);
    return result;
  });
}

function latestPerId(changes: Change[]): Map<string, Change> {
  const latest = new Map<string, Change>();
  for (const change of changes) {
    const previous = latest.get(change.id);
    if (!previous || rank(change) > rank(previous)) latest.set(change.id, change);
  }
  return latest;
}

/** A deletion outranks every version: erasure is final within a page. */
function rank(change: Change): number {
  return isDeletion(change) ? Number.POSITIVE_INFINITY : change.version;
}

function markRemoval(removals: Map<number, Set<string>>, seg: number, id: string): void {
  const ids = removals.get(seg) ?? new Set<string>();
  ids.add(id);
  removals.set(seg, ids);
}

/**
 * Finds which segment holds each id. One range probe answers for a page of ids that are close in key order
 * (typical of a first sync); otherwise one point probe per id.
 */
async function locate(db: ReconnuDb, ids: string[]): Promise<Map<string, Located>> {
  const located = new Map<string, Located>();
  if (ids.length === 0) return located;
  const sorted = [...ids].sort();
  const keys = db.segments.where('keys');
  const limit = ids.length * 2 + 1;
  let segs = await keys
    .between(idKey(sorted[0] as string), idKey(sorted.at(-1) as string), true, true)
    .limit(limit)
    .primaryKeys();
  if (segs.length === limit) segs = await keys.anyOf(sorted.map(idKey)).primaryKeys();
  if (segs.length === 0) return located;
  const wanted = new Set(ids);
  const segments = await db.segments.bulkGet([...new Set(segs)]);
  for (const segment of segments) {
    if (!segment || segment.seg === undefined) continue;
    segment.ids.forEach((id, i) => {
      if (wanted.has(id)) located.set(id, { seg: segment.seg as number, version: segment.versions[i] as number });
    });
  }
  return located;
}

async function rewriteSegments(db: ReconnuDb, removals: Map<number, Set<string>>): Promise<void> {
  if (removals.size === 0) return;
  const segs = [...removals.keys()];
  const segments = await db.segments.bulkGet(segs);
  const emptied: number[] = [];
  const rewritten: Segment[] = [];
  segments.forEach((segment, i) => {
    if (!segment) return;
    const remaining = withoutIds(segment, removals.get(segs[i] as number) as Set<string>);
    if (remaining) rewritten.push(remaining);
    else emptied.push(segs[i] as number);
  });
  await db.segments.bulkDelete(emptied);
  await db.segments.bulkPut(rewritten);
}

/** A customer that arrives valid leaves the quarantine (which is small: read its keys, not one delete per id). */
async function clearQuarantine(db: ReconnuDb, incoming: Customer[]): Promise<void> {
  const quarantined = new Set(await db.quarantine.toCollection().primaryKeys());
  if (quarantined.size === 0) return;
  await db.quarantine.bulkDelete(incoming.map((customer) => customer.id).filter((id) => quarantined.has(id)));
}

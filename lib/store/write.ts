import { type Change, type Customer, isDeletion } from '../feed/schema';
import { type QuarantinedRecord, type ReconnuDb, readCheckpoint, readIndexState, type Segment } from './db';
import { addRun, type Entry, entriesInRange, removeEntries } from './key-index';
import { customerKeys, idKey } from './keys';
import { keysAt, packSegments, segmentEntries, withoutIds } from './segments';

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
  /** How many sorted runs the key index has after this page. */
  indexRuns: number;
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
  return db.transaction('rw', db.segments, db.keyBlocks, db.meta, db.quarantine, async () => {
    const { located, segments: loaded } = await locate(db, [...latest.keys()]);
    const result: ApplyResult = { added: 0, replaced: 0, deleted: 0, stale: 0, customers: 0, indexRuns: 0 };
    const removals = new Map<number, Map<string, Customer | null>>();
    const incoming: Customer[] = [];
    for (const [id, change] of latest) {
      const existing = located.get(id);
      if (isDeletion(change)) {
        if (existing) markRemoval(removals, existing.seg, id, null);
        if (existing) result.deleted++;
        continue;
      }
      if (existing && existing.version >= change.version) {
        result.stale++;
        continue;
      }
      if (existing) markRemoval(removals, existing.seg, id, change);
      if (existing) result.replaced++;
      else result.added++;
      incoming.push(change);
    }
    await removeFromSegments(db, removals, loaded);
    const segments = packSegments(incoming);
    const segs = await db.segments.bulkAdd(segments, { allKeys: true });
    await addRun(
      db,
      segments.flatMap((segment, i) => segmentEntries(segment, segs[i] as number)),
    );
    const checkpoint = await readCheckpoint(db);
    result.customers = checkpoint.customers + result.added - result.deleted;
    await db.meta.put({ ...checkpoint, cursor: page.cursor, customers: result.customers });
    await clearQuarantine(db, incoming);
    await db.quarantine.bulkPut(page.quarantined);
    result.indexRuns = (await readIndexState(db)).runs.length;
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

/** Records that `id` leaves segment `seg`, replaced by `successor` (null when erased). */
function markRemoval(
  removals: Map<number, Map<string, Customer | null>>,
  seg: number,
  id: string,
  successor: Customer | null,
) {
  const ids = removals.get(seg) ?? new Map<string, Customer | null>();
  ids.set(id, successor);
  removals.set(seg, ids);
}

/**
 * Finds the segment holding each id: one range read of the index's id keys covers a whole page. The segments
 * read are returned too, for the rewrite that follows.
 */
async function locate(
  db: ReconnuDb,
  ids: string[],
): Promise<{ located: Map<string, Located>; segments: Map<number, Segment> }> {
  const located = new Map<string, Located>();
  const segments = new Map<number, Segment>();
  const none = { located, segments };
  if (ids.length === 0) return none;
  const sorted = [...ids].sort();
  const { maxIdKey } = await readIndexState(db);
  if (maxIdKey === undefined || idKey(sorted[0] as string) > maxIdKey) return none;
  const wanted = new Set(ids.map(idKey));
  const entries = await entriesInRange(db, idKey(sorted[0] as string), idKey(sorted.at(-1) as string));
  const segs = [...new Set(entries.filter(([key]) => wanted.has(key)).map(([, seg]) => seg))];
  if (segs.length === 0) return none;
  const idSet = new Set(ids);
  for (const segment of await db.segments.bulkGet(segs)) {
    if (!segment || segment.seg === undefined) continue;
    segments.set(segment.seg, segment);
    segment.ids.forEach((id, i) => {
      if (idSet.has(id)) located.set(id, { seg: segment.seg as number, version: segment.versions[i] as number });
    });
  }
  return { located, segments };
}

/**
 * Takes replaced and erased customers out of their segments. An erased customer's keys leave the index at once;
 * a replaced one's keys that its new version no longer has leave too. Keys it keeps may still point at the old
 * segment: harmless, since reads check a segment's content.
 */
async function removeFromSegments(
  db: ReconnuDb,
  removals: Map<number, Map<string, Customer | null>>,
  loaded: Map<number, Segment>,
) {
  if (removals.size === 0) return;
  const segs = [...removals.keys()];
  const segments = segs.map((seg) => loaded.get(seg));
  const emptied: number[] = [];
  const rewritten: Segment[] = [];
  const doomed: Entry[] = [];
  segments.forEach((segment, i) => {
    if (!segment) return;
    const seg = segs[i] as number;
    const removed = removals.get(seg) as Map<string, Customer | null>;
    const remaining = withoutIds(segment, new Set(removed.keys()));
    // A key another customer of this segment still holds (a shared household phone) must keep its entry.
    const stillHeld = new Set(remaining ? segmentEntries(remaining, seg).map(([key]) => key) : []);
    segment.ids.forEach((id, position) => {
      if (!removed.has(id)) return;
      const successor = removed.get(id);
      const kept = new Set(successor ? customerKeys(successor) : []);
      for (const key of keysAt(segment, position)) {
        if (!kept.has(key) && !stillHeld.has(key)) doomed.push([key, seg]);
      }
    });
    if (remaining) rewritten.push(remaining);
    else emptied.push(seg);
  });
  await db.segments.bulkDelete(emptied);
  await db.segments.bulkPut(rewritten);
  await removeEntries(db, doomed);
}

/** A customer that arrives valid leaves the quarantine (which is small: read its keys, not one delete per id). */
async function clearQuarantine(db: ReconnuDb, incoming: Customer[]): Promise<void> {
  const quarantined = new Set(await db.quarantine.toCollection().primaryKeys());
  if (quarantined.size === 0) return;
  await db.quarantine.bulkDelete(incoming.map((customer) => customer.id).filter((id) => quarantined.has(id)));
}

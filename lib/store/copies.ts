import { type ReconnuDb, readStaleSegments, type Segment, type StoredSegment } from './db';
import { type Entry, entriesForKeys, removeEntries } from './key-index';
import { idKey } from './keys';
import { deferRemoval } from './purge';
import { keysAt, openSegments, sealSegments, segmentEntries, withoutIds } from './segments';
import { storeWrites } from './store-writes';

/**
 * An update does not rewrite the segment that held the previous version: the new copy goes into a new segment
 * and the old one becomes *stale* until pruneStaleCopies() removes it after the sync. Id keys in the index carry
 * each copy's version, so the latest copy is known without reading segments, and reads return latest copies only.
 */
export interface Copies {
  version: number;
  segs: number[];
}

/** Where each id's copies are, and its latest version, from the index alone. */
export async function locateCopies(db: ReconnuDb, ids: string[], gone?: Set<string>): Promise<Map<string, Copies>> {
  const copies = new Map<string, Copies>();
  if (ids.length === 0) return copies;
  for (const [key, seg, version = 0] of await entriesForKeys(db, ids.map(idKey))) {
    if (gone?.has(`${seg}\u0001${key}`)) continue; // its copy was removed, its entry not yet (purge.ts)
    const id = key.slice(2);
    const known = copies.get(id);
    if (known) {
      if (!known.segs.includes(seg)) known.segs.push(seg);
      known.version = Math.max(known.version, version);
    } else copies.set(id, { version, segs: [seg] });
  }
  return copies;
}

/** What removing ids from some segments writes: computed from the segments as read (see prepareRemovals). */
export interface RemovalPlan {
  removals: Map<number, Set<string>>;
  /** The store's write count before the segments were read (store-writes.ts). */
  writes: number;
  /** Each segment's box IV as read: a segment rewritten since has another one (IVs are never reused). */
  read: Map<number, Uint8Array>;
  emptied: number[];
  rewritten: StoredSegment[];
  doomed: Entry[];
}

async function planRemovals(
  key: CryptoKey,
  stored: StoredSegment[],
  removals: Map<number, Set<string>>,
  writes: number,
) {
  const plan: RemovalPlan = { removals, writes, read: new Map(), emptied: [], rewritten: [], doomed: [] };
  const remaining: Segment[] = [];
  for (const segment of await openSegments(key, stored)) {
    const seg = segment.seg as number;
    const removed = removals.get(seg) as Set<string>;
    const kept = withoutIds(segment, removed);
    const stillHeld = new Set(kept ? segmentEntries(kept, seg).map(([entryKey]) => entryKey) : []);
    segment.ids.forEach((id, position) => {
      if (!removed.has(id)) return;
      for (const entryKey of keysAt(segment, position)) if (!stillHeld.has(entryKey)) plan.doomed.push([entryKey, seg]);
    });
    if (kept) remaining.push(kept);
    else plan.emptied.push(seg);
  }
  for (const segment of stored) plan.read.set(segment.seg as number, new Uint8Array(segment.box.iv));
  plan.rewritten = await sealSegments(key, remaining);
  return plan;
}

/**
 * Reads, opens and seals again, outside any transaction, what removeCopies() will write: a write transaction then
 * only checks that nothing changed in between (same removals, same segments as read) and writes.
 */
export async function prepareRemovals(
  db: ReconnuDb,
  removals: Map<number, Set<string>>,
  writes = storeWrites(db),
): Promise<RemovalPlan> {
  const stored = (await db.segments.bulkGet([...removals.keys()])).filter((segment) => !!segment);
  return planRemovals(db.key, stored, removals, writes);
}

function sameRemovals(plan: RemovalPlan, removals: Map<number, Set<string>>): boolean {
  const same = (a: Set<string>, b: Set<string> | undefined) =>
    !!b && a.size === b.size && [...a].every((id) => b.has(id));
  return plan.removals.size === removals.size && [...removals].every(([seg, ids]) => same(ids, plan.removals.get(seg)));
}

function stillValid(plan: RemovalPlan, removals: Map<number, Set<string>>, stored: StoredSegment[]): boolean {
  if (!sameRemovals(plan, removals) || stored.length !== plan.read.size) return false;
  return stored.every((segment) => {
    const iv = plan.read.get(segment.seg as number);
    return !!iv && iv.length === segment.box.iv.length && iv.every((byte, i) => byte === segment.box.iv[i]);
  });
}

/**
 * Removes ids from segments, with their index entries, except keys another customer of the same segment still
 * holds (a household's shared phone). With `deferIndex`, the entries are recorded for purgeIndex() (purge.ts)
 * instead of removed now. A `prepared` plan (prepareRemovals) is used when it still holds.
 */
export async function removeCopies(
  db: ReconnuDb,
  removals: Map<number, Set<string>>,
  loaded?: Map<number, StoredSegment>,
  deferIndex = false,
  prepared?: RemovalPlan,
): Promise<void> {
  if (removals.size === 0) return;
  // Nothing written since the plan's segments were read: it holds without reading them again.
  const current = prepared && prepared.writes === storeWrites(db) && sameRemovals(prepared, removals);
  let plan = current ? prepared : undefined;
  if (!plan) {
    const writes = storeWrites(db);
    const stored = (
      loaded ? [...removals.keys()].map((seg) => loaded.get(seg)) : await db.segments.bulkGet([...removals.keys()])
    ).filter((segment): segment is StoredSegment => !!segment);
    plan =
      prepared && stillValid(prepared, removals, stored)
        ? prepared
        : await planRemovals(db.key, stored, removals, writes);
  }
  if (plan.emptied.length > 0) await db.segments.bulkDelete(plan.emptied);
  if (plan.rewritten.length > 0) await db.segments.bulkPut(plan.rewritten);
  await (deferIndex ? deferRemoval(db, plan.doomed) : removeEntries(db, plan.doomed));
}

export async function markStale(db: ReconnuDb, segs: Iterable<number>): Promise<void> {
  const stale = await readStaleSegments(db);
  const all = new Set([...stale.segs, ...segs]);
  if (all.size !== stale.segs.length) await db.meta.put({ key: 'stale', segs: [...all] });
}

// Small batches: lookups wait for a write transaction on the same stores, so none should last long.
const PRUNE_BATCH = 50;

/**
 * Removes superseded copies, a batch of segments per transaction; returns how many copies went. Their index entries
 * are left to purgeIndex() (purge.ts), which the caller runs next.
 */
export async function pruneStaleCopies(db: ReconnuDb): Promise<number> {
  let pruned = 0;
  for (;;) {
    const done = await db.transaction('rw', db.segments, db.indexBlocks, db.indexDirectories, db.meta, async () => {
      const stale = await readStaleSegments(db);
      const batch = stale.segs.slice(0, PRUNE_BATCH);
      if (batch.length === 0) return true;
      const segments = await db.segments.bulkGet(batch);
      const ids = segments.flatMap((segment) => segment?.ids ?? []);
      const copies = await locateCopies(db, ids);
      const removals = new Map<number, Set<string>>();
      const loaded = new Map<number, StoredSegment>();
      segments.forEach((segment, i) => {
        if (segment) loaded.set(batch[i] as number, segment);
        segment?.ids.forEach((id, position) => {
          if ((segment.versions[position] as number) >= (copies.get(id)?.version ?? 0)) return;
          removals.set(batch[i] as number, (removals.get(batch[i] as number) ?? new Set()).add(id));
          pruned++;
        });
      });
      await removeCopies(db, removals, loaded, true);
      await db.meta.put({ key: 'stale', segs: stale.segs.slice(PRUNE_BATCH) });
      return false;
    });
    if (done) return pruned;
  }
}

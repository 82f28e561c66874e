import type { ReconnuDb, Segment, StoredSegment } from '../db';
import { idKey } from '../keys';
import { type Entry, entriesForKeys, removeEntries } from '../lookup-index/key-index';
import { deferRemoval, pendingRemovals, sealPending, writePending } from '../lookup-index/purge';
import { readStaleSegments } from '../meta-cache';
import type { PendingPurge } from '../meta-rows';
import { storeWrites } from '../store-writes';
import { keysAt, openSegments, sealSegments, segmentEntries, withoutIds } from './segments';

/**
 * An update does not rewrite the segment that held the previous version: the new copy goes into a new segment
 * and the old one becomes *stale* until pruneStaleCopies() removes it, within a few sync runs (pruneBudget). Id
 * keys in the index carry each copy's version, so the latest copy is known without reading segments, and reads
 * return latest copies only.
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
  /** With deferred index removal: the pending purge row with `doomed` added, sealed. */
  pending?: PendingPurge | null;
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
  options: { writes?: number; loaded?: Map<number, StoredSegment>; deferIndex?: boolean } = {},
): Promise<RemovalPlan> {
  const writes = options.writes ?? storeWrites(db);
  const { loaded } = options;
  const segs = [...removals.keys()];
  const stored = (loaded ? segs.map((seg) => loaded.get(seg)) : await db.segments.bulkGet(segs)).filter(
    (segment): segment is StoredSegment => !!segment,
  );
  const plan = await planRemovals(db.dataKey, stored, removals, writes);
  if (options.deferIndex) plan.pending = await sealPending(db, [...(await pendingRemovals(db)), ...plan.doomed]);
  return plan;
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

export interface RemoveOptions {
  /** The segments, already read in this transaction. */
  loaded?: Map<number, StoredSegment>;
  /** Records the index entries for purgeIndex() (purge.ts) instead of removing them now. */
  deferIndex?: boolean;
  /** A plan made before the transaction (prepareRemovals), used when it still holds. */
  prepared?: RemovalPlan;
}

/**
 * Removes ids from segments, with their index entries, except lookup keys another customer of the same segment
 * still holds (a household's shared phone).
 */
export async function removeCopies(
  db: ReconnuDb,
  removals: Map<number, Set<string>>,
  { loaded, deferIndex = false, prepared }: RemoveOptions = {},
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
        : await planRemovals(db.dataKey, stored, removals, writes);
  }
  if (plan.emptied.length > 0) await db.segments.bulkDelete(plan.emptied);
  if (plan.rewritten.length > 0) await db.segments.bulkPut(plan.rewritten);
  if (!deferIndex) await removeEntries(db, plan.doomed);
  else if (current && plan.pending !== undefined) await writePending(db, plan.pending);
  else await deferRemoval(db, plan.doomed);
}

export async function markStale(db: ReconnuDb, segs: Iterable<number>): Promise<void> {
  const stale = await readStaleSegments(db);
  const all = new Set([...stale.segs, ...segs]);
  if (all.size !== stale.segs.length) await db.meta.put({ key: 'stale', segs: [...all] });
}

// Small batches: lookups wait for a write transaction on the same stores, so none should last long.
const PRUNE_BATCH = 50;
const PRUNE_PER_RUN = 100;

/** The superseded copies in these segments: a copy is superseded when the index knows a higher version of its id. */
async function supersededIn(db: ReconnuDb, batch: number[], stored: (StoredSegment | undefined)[]) {
  const copies = await locateCopies(db, [...new Set(stored.flatMap((segment) => segment?.ids ?? []))]);
  const removals = new Map<number, Set<string>>();
  const loaded = new Map<number, StoredSegment>();
  let count = 0;
  stored.forEach((segment, i) => {
    const seg = batch[i] as number;
    if (segment) loaded.set(seg, segment);
    segment?.ids.forEach((id, position) => {
      if ((segment.versions[position] as number) >= (copies.get(id)?.version ?? 0)) return;
      removals.set(seg, (removals.get(seg) ?? new Set()).add(id));
      count++;
    });
  });
  return { removals, loaded, count };
}

/**
 * Removes superseded copies, a batch of segments per transaction; returns how many copies went. Their index entries
 * are left to purgeIndex() (purge.ts), which the caller runs next. Each batch is read, opened and sealed again
 * before its transaction, which then only writes, unless the store changed meanwhile (then it does it all inside).
 */
export async function pruneStaleCopies(db: ReconnuDb, budget = Number.POSITIVE_INFINITY): Promise<number> {
  let pruned = 0;
  for (let left = budget; left > 0; left -= PRUNE_BATCH) {
    const writes = storeWrites(db);
    const { segs } = await readStaleSegments(db);
    const batch = segs.slice(0, Math.min(PRUNE_BATCH, left));
    if (batch.length === 0) return pruned;
    const found = await supersededIn(db, batch, await db.segments.bulkGet(batch));
    const plan = await prepareRemovals(db, found.removals, { writes, loaded: found.loaded, deferIndex: true });
    pruned += await db.transaction('rw', db.segments, db.indexBlocks, db.indexDirectories, db.meta, async () => {
      const stale = await readStaleSegments(db);
      const current = storeWrites(db) === writes;
      const inTx = current ? found : await supersededIn(db, batch, await db.segments.bulkGet(batch));
      await removeCopies(db, inTx.removals, {
        loaded: inTx.loaded,
        deferIndex: true,
        prepared: current ? plan : undefined,
      });
      await db.meta.put({ key: 'stale', segs: stale.segs.filter((seg) => !batch.includes(seg)) });
      return inTx.count;
    });
  }
  return pruned;
}

/**
 * How many stale segments one sync run prunes: a big update leaves many, whose pruning (and the purge of their index
 * entries) would keep lookups waiting for seconds. A run prunes the oldest tenth, at least PRUNE_PER_RUN: the stale
 * list stays below ten runs' worth of updates, and a superseded copy (sealed, never served) goes within minutes.
 */
export async function pruneBudget(db: ReconnuDb): Promise<number> {
  const { segs } = await readStaleSegments(db);
  return Math.max(PRUNE_PER_RUN, Math.ceil(segs.length / 10));
}

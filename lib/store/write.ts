import { mark, span } from '../debug/timing';
import { type Change, type Customer, isDeletion } from '../feed/schema';
import type { QuarantinedRecord, ReconnuDb, Segment, StoredQuarantine, StoredSegment } from './db';
import { idKey } from './keys';
import { addRun } from './lookup-index/key-index';
import { pendingRemovals, pendingSet } from './lookup-index/purge';
import { readCheckpoint, readIndexState } from './meta-cache';
import { sealQuarantined } from './quarantine';
import {
  type Copies,
  locateCopies,
  markStale,
  prepareRemovals,
  type RemovalPlan,
  removeCopies,
} from './segments/copies';
import { packSegments, sealSegments, segmentEntries } from './segments/segments';
import { storeWrites } from './store-writes';

export interface PageCommit {
  changes: Change[];
  quarantined: QuarantinedRecord[];
  /** The cursor that covers this page; committed in the same transaction as its data. */
  cursor: string;
  syncedAt: string;
  /** During a resync, the ids this page carried are recorded for the final sweep (resync.ts). */
  resync?: boolean;
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

/** A page's customers packed and sealed, ready to write (sealPage). */
export interface SealedPage {
  changes: Change[];
  syncedAt: string;
  latest: Map<string, Change>;
  arriving: Customer[];
  packed: Segment[];
  sealed: StoredSegment[];
  quarantined: StoredQuarantine[];
  /** Where the page's customers were stored, read early (locatePage). */
  located?: Located;
}

/** Where some customers' copies are, as read when the store had seen `writes` writes (store-writes.ts). */
export interface Located {
  writes: number;
  ids: Set<string>;
  copies: Map<string, Copies>;
}

/** Reads where these customers' copies are stored: a sync starts it as a page arrives, before validating it. */
export async function locatePage(db: ReconnuDb, ids: string[]): Promise<Located> {
  const writes = storeWrites(db);
  return { writes, ids: new Set(ids), copies: await span('apply.locate', () => locateExisting(db, ids)) };
}

/**
 * Packs and seals a page's customers, outside any transaction (WebCrypto costs no wait there), assuming every one of
 * them new or newer: the transaction checks (when some are not, it packs and seals the others again). A sync seals
 * the next page while the previous one is being written.
 */
export async function sealPage(db: ReconnuDb, page: Pick<PageCommit, 'changes' | 'quarantined' | 'syncedAt'>) {
  const key = db.dataKey;
  const latest = latestPerId(page.changes);
  const arriving = [...latest.values()].filter((change): change is Customer => !isDeletion(change));
  const packStarted = performance.now();
  const packed = packSegments(arriving, Date.parse(page.syncedAt));
  mark('apply.pack', packStarted);
  const [sealed, quarantined] = await span('apply.seal', () =>
    Promise.all([sealSegments(key, packed), sealQuarantined(key, page.quarantined)]),
  );
  return {
    changes: page.changes,
    syncedAt: page.syncedAt,
    latest,
    arriving,
    packed,
    sealed,
    quarantined,
  } satisfies SealedPage;
}

/**
 * Applies one page of changes and its cursor atomically: a worker killed at any point leaves either the page
 * and its cursor, or neither. Higher versions replace lower ones; an older or equal version changes nothing.
 * A deletion erases every copy of the customer in this same transaction; its index entries, sealed and pointing
 * at nothing any more, are recorded for purgeIndex(), which the sync runs before it ends (purge.ts).
 */
export async function applyPage(db: ReconnuDb, page: PageCommit, ready?: SealedPage): Promise<ApplyResult> {
  const key = db.dataKey;
  const receivedAt = Date.parse(page.syncedAt);
  const { latest, arriving, packed, sealed, quarantined } =
    ready?.changes === page.changes && ready.syncedAt === page.syncedAt ? ready : await sealPage(db, page);
  // Where the page's customers are stored, and its erasures, read before the transaction too: it uses them as read
  // when nothing was written to the store since (store-writes.ts), else reads again.
  const ids = [...latest.keys()];
  const early = ready?.located;
  const { writes, copies: located } =
    early && early.writes === storeWrites(db) && ids.every((id) => early.ids.has(id))
      ? early
      : await locatePage(db, ids);
  const prepared = await span('apply.prepareErase', () => prepareErasures(db, latest, located, writes));
  const stores = [db.segments, db.indexBlocks, db.indexDirectories, db.meta, db.quarantine, db.resyncSeen];
  const txStarted = performance.now();
  return db.transaction('rw', stores, async () => {
    mark('apply.txWait', txStarted);
    const copies = storeWrites(db) === writes ? located : await span('apply.relocate', () => locateExisting(db, ids));
    const result: ApplyResult = { added: 0, replaced: 0, deleted: 0, stale: 0, customers: 0, indexRuns: 0 };
    const erasures = new Map<number, Set<string>>();
    const superseded = new Set<number>();
    const incoming: Customer[] = [];
    for (const [id, change] of latest) {
      const existing = copies.get(id);
      if (isDeletion(change)) {
        for (const seg of existing?.segs ?? []) erasures.set(seg, (erasures.get(seg) ?? new Set()).add(id));
        if (existing) result.deleted++;
      } else if (existing && existing.version >= change.version) {
        result.stale++;
      } else {
        for (const seg of existing?.segs ?? []) superseded.add(seg);
        if (existing) result.replaced++;
        else result.added++;
        incoming.push(change);
      }
    }
    await span('apply.erase', () => removeCopies(db, erasures, { deferIndex: true, prepared }));
    await markStale(db, superseded);
    const segments = incoming.length === arriving.length ? packed : packSegments(incoming, receivedAt);
    const stored = segments === packed ? sealed : await sealSegments(key, segments);
    const segs = await span('apply.segAdd', () => db.segments.bulkAdd(stored, { allKeys: true }));
    await span('apply.addRun', () =>
      addRun(
        db,
        segments.flatMap((segment, i) => segmentEntries(segment, segs[i] as number)),
      ),
    );
    const checkpoint = await readCheckpoint(db);
    result.customers = checkpoint.customers + result.added - result.deleted;
    await db.meta.put({ ...checkpoint, cursor: page.cursor, customers: result.customers });
    await clearQuarantine(db, incoming);
    await db.quarantine.bulkPut(quarantined);
    if (page.resync) await db.resyncSeen.add({ ids: [...latest.keys()] });
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

/**
 * The page's erasures, read, opened and sealed again before its transaction (crypto waits there cost nothing);
 * the transaction uses them if the segments did not change meanwhile (copies.ts).
 */
async function prepareErasures(
  db: ReconnuDb,
  latest: Map<string, Change>,
  located: Map<string, Copies>,
  writes: number,
): Promise<RemovalPlan | undefined> {
  const removals = new Map<number, Set<string>>();
  for (const [id, change] of latest) {
    if (!isDeletion(change)) continue;
    for (const seg of located.get(id)?.segs ?? []) removals.set(seg, (removals.get(seg) ?? new Set()).add(id));
  }
  return removals.size > 0 ? prepareRemovals(db, removals, { writes, deferIndex: true }) : undefined;
}

/** Copies of these ids already stored; skipped when every id is above the highest ever indexed (a first sync). */
async function locateExisting(db: ReconnuDb, ids: string[]): Promise<Map<string, Copies>> {
  const { maxIdKey } = await readIndexState(db);
  const lowest = [...ids].sort()[0] ?? '';
  if (ids.length === 0 || maxIdKey === undefined || idKey(lowest) > maxIdKey) return new Map();
  return locateCopies(db, ids, pendingSet(await pendingRemovals(db)));
}

/** A customer that arrives valid leaves the quarantine (which is small: read its keys, not one delete per id). */
async function clearQuarantine(db: ReconnuDb, incoming: Customer[]): Promise<void> {
  const quarantined = new Set(await db.quarantine.toCollection().primaryKeys());
  if (quarantined.size === 0) return;
  await db.quarantine.bulkDelete(incoming.map((customer) => customer.id).filter((id) => quarantined.has(id)));
}

import { type KeyBlock, type ReconnuDb, readIndexState } from './db';

/**
 * The lookup index: (key, segment) entries kept in sorted *runs*, each cut into blocks of about BLOCK_SIZE
 * entries stored as one record. Writing a page's 10,000 keys is then a few dozen puts instead of 10,000 index
 * entries; a lookup reads one block per run. Runs are merged in the background (key-merge.ts) so there stay few.
 */
export type Entry = [key: string, seg: number];

export const BLOCK_SIZE = 512;
const HIGHEST = '\uffff';

export function compareEntries(a: Entry, b: Entry): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
}

/** Cuts sorted entries into blocks, never splitting equal keys (so a block's first key is unique in its run). */
export function toBlocks(run: number, sorted: Entry[]): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  let keys: string[] = [];
  let segs: number[] = [];
  const flush = () => {
    if (keys.length === 0) return;
    blocks.push({ run, first: keys[0] as string, last: keys.at(-1) as string, keys, segs });
    keys = [];
    segs = [];
  };
  for (const [key, seg] of sorted) {
    if (keys.length >= BLOCK_SIZE && keys.at(-1) !== key) flush();
    keys.push(key);
    segs.push(seg);
  }
  flush();
  return blocks;
}

export async function runIds(db: ReconnuDb): Promise<number[]> {
  return (await readIndexState(db)).runs.map((run) => run.id);
}

/** Writes entries as a new run. Call inside the transaction that writes the segments they point to. */
export async function addRun(db: ReconnuDb, entries: Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const state = await readIndexState(db);
  const run = state.nextRun;
  const sorted = [...entries].sort(compareEntries);
  await db.keyBlocks.bulkAdd(toBlocks(run, sorted));
  let maxIdKey = state.maxIdKey ?? '';
  for (const [key] of sorted) if (key.startsWith('i:') && key > maxIdKey) maxIdKey = key;
  const runs = [...state.runs, { id: run, entries: entries.length }];
  await db.meta.put({ ...state, runs, nextRun: run + 1, maxIdKey });
}

// Queries below are issued together (Promise.all of Dexie promises): IndexedDB pipelines them, where awaiting
// them one by one would pay a round trip each. Only Dexie promises are awaited inside a transaction.

/** The blocks of every run that may hold keys in [low, high]. */
async function blocksInRange(db: ReconnuDb, low: string, high: string): Promise<KeyBlock[]> {
  // Blocks never split a key and are ordered by it: those ending at or after `low` and starting at or before
  // `high` are exactly the ones that can hold keys in [low, high].
  const perRun = await Promise.all(
    (await runIds(db)).map((run) =>
      db.keyBlocks
        .where('[run+last]')
        .between([run, low], [run, HIGHEST], true, true)
        .until((block) => block.first > high)
        .toArray(),
    ),
  );
  return perRun.flat();
}

/** For each run and key, the one block that would hold that key, if any. */
async function blocksHolding(db: ReconnuDb, keys: string[]): Promise<KeyBlock[]> {
  const runs = await runIds(db);
  const lookups = runs.flatMap((run) =>
    keys.map((key) => db.keyBlocks.where('[run+last]').between([run, key], [run, HIGHEST], true, true).first()),
  );
  const found = await Promise.all(lookups);
  return found.filter((block, i): block is KeyBlock => !!block && block.first <= (keys[i % keys.length] as string));
}

/** Every entry with a key in [low, high], over all runs (duplicates across runs kept). */
export async function entriesInRange(db: ReconnuDb, low: string, high: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const block of await blocksInRange(db, low, high)) {
    block.keys.forEach((key, i) => {
      if (key >= low && key <= high) entries.push([key, block.segs[i] as number]);
    });
  }
  return entries;
}

/** The segments that may hold a customer with this key (a segment may since have lost it: check its content). */
export async function segmentsForKey(db: ReconnuDb, key: string): Promise<number[]> {
  const segs = new Set<number>();
  for (const block of await blocksHolding(db, [key])) {
    block.keys.forEach((candidate, i) => {
      if (candidate === key) segs.add(block.segs[i] as number);
    });
  }
  return [...segs];
}

/** Physically removes entries (an erased customer's keys must not survive in the index). */
export async function removeEntries(db: ReconnuDb, entries: Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const doomed = new Set(entries.map(([key, seg]) => `${seg}\u0001${key}`));
  const keys = [...new Set(entries.map(([key]) => key))];
  const touched = new Map<string, KeyBlock>();
  for (const block of await blocksHolding(db, keys)) touched.set(`${block.run}\u0001${block.first}`, block);
  const deleted: [number, string][] = [];
  const rewritten: KeyBlock[] = [];
  for (const block of touched.values()) {
    const keep = block.keys.flatMap((key, i) => (doomed.has(`${block.segs[i]}\u0001${key}`) ? [] : [i]));
    if (keep.length === block.keys.length) continue;
    deleted.push([block.run, block.first]);
    if (keep.length === 0) continue;
    rewritten.push({
      run: block.run,
      first: block.keys[keep[0] as number] as string,
      last: block.keys[keep.at(-1) as number] as string,
      keys: keep.map((i) => block.keys[i] as string),
      segs: keep.map((i) => block.segs[i] as number),
    });
  }
  await db.keyBlocks.bulkDelete(deleted);
  await db.keyBlocks.bulkPut(rewritten);
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../../tests/unlocked-db';
import { seal } from '../crypto/crypto';
import { ReconnuDb } from '../db';
import { readIndexState } from '../meta-cache';
import { cachedBlockCount, forgetRuns } from './block-cache';
import { addRun, BLOCK_SIZE, type Entry, entriesInRange, removeEntries, segmentsForKey, toBlocks } from './key-index';
import { compactIndex, mergeRuns } from './key-merge';

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('index');
});
afterEach(async () => {
  await db.delete();
});

// The scope must itself be an async function: Dexie then keeps the transaction alive across native awaits.
const inTx = <T>(work: () => Promise<T>) =>
  db.transaction('rw', db.indexBlocks, db.indexDirectories, db.meta, async () => await work());
const emails = (from: number, count: number, seg: number): Entry[] =>
  Array.from({ length: count }, (_, i) => [`e:user${String(from + i).padStart(6, '0')}@example.org`, seg]);

describe('key index', () => {
  it('cuts sorted entries into blocks without splitting a key', () => {
    const shared: Entry[] = Array.from({ length: BLOCK_SIZE + 10 }, (_, i) => ['p:+33100000000', i]);
    const blocks = toBlocks(1, [['a', 1], ...shared, ['z', 1]]);
    expect(blocks.map((block) => [block.n, block.keys[0]])).toEqual([
      [0, 'a'],
      [1, 'z'],
    ]);
    expect(blocks[0]?.keys).toHaveLength(BLOCK_SIZE + 11);
  });

  it('reads a block only from the runs whose filter may hold the key, merged runs included', async () => {
    await inTx(() => addRun(db, emails(0, 2000, 1)));
    await inTx(() => addRun(db, emails(2000, 2000, 2)));
    await inTx(() => addRun(db, emails(4000, 2000, 3)));
    forgetRuns(db);
    expect(await segmentsForKey(db, 'e:user002500@example.org')).toEqual([2]);
    expect(cachedBlockCount(db)).toBe(1);
    expect(await segmentsForKey(db, 'e:nobody@example.org')).toEqual([]);
    expect(cachedBlockCount(db)).toBeLessThanOrEqual(2); // a false positive of the filter may read one more
    await mergeRuns(
      db,
      (await readIndexState(db)).runs.slice(0, 2).map((run) => run.id),
    );
    forgetRuns(db);
    for (const at of [0, 1999, 2000, 3999]) {
      const key = emails(at, 1, 0)[0]?.[0] as string;
      expect(await segmentsForKey(db, key)).toEqual([at < 2000 ? 1 : 2]);
    }
    expect(await segmentsForKey(db, 'e:user004000@example.org')).toEqual([3]);
    // Read back from the database (a restarted worker): the sealed filters are used as well.
    const reopened = new ReconnuDb(db.name);
    reopened.setDataKey(db.dataKey);
    expect(await segmentsForKey(reopened, 'e:user004000@example.org')).toEqual([3]);
    expect(cachedBlockCount(reopened)).toBe(1);
    reopened.close();
  });

  it('reads every run for a run whose directory predates filters', async () => {
    await inTx(() => addRun(db, emails(0, 100, 1)));
    const [run] = (await readIndexState(db)).runs;
    const bounds = [emails(0, 1, 1)[0]?.[0] as string];
    const box = await seal(db.dataKey, bounds, `directory\n${run?.id}`);
    await db.indexDirectories.put({ run: run?.id as number, box });
    const reopened = new ReconnuDb(db.name);
    reopened.setDataKey(db.dataKey);
    expect(await segmentsForKey(reopened, 'e:user000050@example.org')).toEqual([1]);
    reopened.close();
  });

  it('finds every segment holding a key across runs, and ranges of keys', async () => {
    await inTx(() => addRun(db, [...emails(0, 2000, 1), ['p:+33612345678', 1]]));
    await inTx(() => addRun(db, [...emails(2000, 10, 2), ['p:+33612345678', 2]]));
    expect(await segmentsForKey(db, 'p:+33612345678')).toEqual([1, 2]);
    expect(await segmentsForKey(db, 'e:user001999@example.org')).toEqual([1]);
    expect(await segmentsForKey(db, 'e:nobody@example.org')).toEqual([]);
    const range = await entriesInRange(db, 'e:user001998', 'e:user002001\uffff');
    expect(range.map(([key]) => key.slice(2, 12))).toEqual(['user001998', 'user001999', 'user002000', 'user002001']);
  });

  it('merges runs into one without losing or duplicating entries', async () => {
    for (let run = 0; run < 6; run++) await inTx(() => addRun(db, emails(run * 700, 700, run + 1)));
    await inTx(() => addRun(db, emails(0, 5, 1))); // duplicates of entries already indexed
    await mergeRuns(
      db,
      (await readIndexState(db)).runs.map((run) => run.id),
    );
    const state = await readIndexState(db);
    expect(state.runs.map((run) => run.entries)).toEqual([4200]);
    const all = await entriesInRange(db, '', '\uffff');
    expect(all).toHaveLength(4200);
    expect(await segmentsForKey(db, 'e:user003500@example.org')).toEqual([6]);
    const merged = state.runs[0]?.id;
    expect(await db.indexBlocks.filter((block) => block.run !== merged).count()).toBe(0);
    expect(await db.indexDirectories.toCollection().primaryKeys()).toEqual([merged]);
  });

  it('merges through blocks emptied by removals without losing what follows them', async () => {
    await inTx(() => addRun(db, emails(0, 6000, 1)));
    await inTx(() => addRun(db, [['c:0000000000001', 2]]));
    await inTx(() => removeEntries(db, emails(0, 5000, 1))); // nine whole blocks left empty
    await mergeRuns(
      db,
      (await readIndexState(db)).runs.map((run) => run.id),
    );
    expect(await entriesInRange(db, '', '\uffff')).toHaveLength(1001);
  });

  it('keeps O(log n) runs with size-tiered compaction', async () => {
    for (let run = 0; run < 20; run++) {
      await inTx(() => addRun(db, emails(run * 50, 50, run + 1)));
      await compactIndex(db);
    }
    expect((await readIndexState(db)).runs.length).toBeLessThanOrEqual(6);
    expect(await entriesInRange(db, '', '\uffff')).toHaveLength(1000);
  });

  it('physically removes entries from every run', async () => {
    await inTx(() => addRun(db, emails(0, 1500, 1)));
    await inTx(() => addRun(db, [['e:user000007@example.org', 9]]));
    expect(await segmentsForKey(db, 'e:user000007@example.org')).toEqual([1, 9]); // caches the runs' directories
    await inTx(() =>
      removeEntries(db, [
        ['e:user000007@example.org', 1],
        ['e:user000007@example.org', 9],
        ['e:user001499@example.org', 1],
      ]),
    );
    expect(await segmentsForKey(db, 'e:user000007@example.org')).toEqual([]);
    expect(await segmentsForKey(db, 'e:user001499@example.org')).toEqual([]);
    expect(await entriesInRange(db, '', '\uffff')).toHaveLength(1498);
  });
});

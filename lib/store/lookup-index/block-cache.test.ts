import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../../tests/unlocked-db';
import type { ReconnuDb } from '../db';
import { readIndexState } from '../meta-cache';
import { CACHED_BLOCKS, cachedBlockCount, forgetBlocks, readBlocks } from './block-cache';
import { sealBlocks } from './index-blocks';
import { addRun, BLOCK_SIZE, type Entry, removeEntries, segmentsForKey } from './key-index';
import { mergeRuns } from './key-merge';

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('block-cache');
});
afterEach(async () => {
  await db.delete();
});

const inTx = <T>(work: () => Promise<T>) =>
  db.transaction('rw', db.indexBlocks, db.indexDirectories, db.meta, async () => await work());
const emails = (from: number, count: number, seg: number): Entry[] =>
  Array.from({ length: count }, (_, i) => [`e:user${String(from + i).padStart(6, '0')}@example.org`, seg]);

describe('index block cache', () => {
  it('serves a removal at once, though the block was cached before it', async () => {
    await inTx(() => addRun(db, emails(0, 1500, 1)));
    expect(await segmentsForKey(db, 'e:user000007@example.org')).toEqual([1]);
    expect(cachedBlockCount(db)).toBe(1);
    await inTx(() => removeEntries(db, [['e:user000007@example.org', 1]]));
    expect(await segmentsForKey(db, 'e:user000007@example.org')).toEqual([]);
    expect(await segmentsForKey(db, 'e:user000008@example.org')).toEqual([1]);
  });

  it('forgets the blocks of merged runs and reads the merged run', async () => {
    await inTx(() => addRun(db, emails(0, 600, 1)));
    await inTx(() => addRun(db, emails(600, 600, 2)));
    expect(await segmentsForKey(db, 'e:user000001@example.org')).toEqual([1]);
    const before = cachedBlockCount(db);
    await mergeRuns(
      db,
      (await readIndexState(db)).runs.map((run) => run.id),
    );
    expect(cachedBlockCount(db)).toBeLessThan(before);
    expect(await segmentsForKey(db, 'e:user000001@example.org')).toEqual([1]);
    expect(await segmentsForKey(db, 'e:user000601@example.org')).toEqual([2]);
  });

  it('does not keep what a read saw before a concurrent rewrite', async () => {
    await inTx(() => addRun(db, emails(0, 10, 1)));
    const [run] = (await readIndexState(db)).runs.map((state) => state.id);
    const reading = readBlocks(db, [[run as number, 0]]); // reads the old block, decrypts it later
    forgetBlocks(db, [{ run: run as number, n: 0 }]); // a writer rewrites it meanwhile
    const rewritten = { run: run as number, n: 0, keys: ['e:other@example.org'], segs: [2], versions: [0] };
    await db.indexBlocks.put((await sealBlocks(db.dataKey, [rewritten]))[0] as never);
    expect((await reading)[0]?.keys).toHaveLength(10);
    expect(cachedBlockCount(db)).toBe(0);
    expect((await readBlocks(db, [[run as number, 0]]))[0]?.keys).toEqual(['e:other@example.org']);
  });

  it('keeps at most CACHED_BLOCKS blocks, dropping the least recently used', async () => {
    const count = CACHED_BLOCKS + 8;
    await inTx(() => addRun(db, emails(0, count * BLOCK_SIZE, 1)));
    const [run] = (await readIndexState(db)).runs.map((state) => state.id);
    const places = Array.from({ length: count }, (_, n): [number, number] => [run as number, n]);
    expect(await readBlocks(db, places)).toHaveLength(count);
    expect(cachedBlockCount(db)).toBe(CACHED_BLOCKS);
  });
});

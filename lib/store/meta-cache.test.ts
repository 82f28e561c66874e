import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../tests/unlocked-db';
import type { ReconnuDb } from './db';
import { addRun } from './lookup-index/key-index';
import { cachedMetaCount, readIndexState, readMeta, readStaleSegments } from './meta-cache';
import { clearLocalStore } from './wipe';

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('meta-cache');
});
afterEach(async () => {
  await db.delete();
});

const state = (runs: number) => ({ key: 'index' as const, runs: [{ id: runs, entries: 1 }], nextRun: runs + 1 });

describe('meta row cache', () => {
  it('keeps a row once read, and forgets it when the meta table is written', async () => {
    await db.meta.put(state(1));
    expect((await readIndexState(db)).runs).toEqual([{ id: 1, entries: 1 }]);
    expect(cachedMetaCount(db)).toBe(1);
    await db.meta.put(state(2));
    expect(cachedMetaCount(db)).toBe(0);
    expect((await readIndexState(db)).runs).toEqual([{ id: 2, entries: 1 }]);
    await db.meta.delete('index');
    expect((await readIndexState(db)).runs).toEqual([]);
  });

  it('sees an index run added by a write transaction at once', async () => {
    expect((await readIndexState(db)).runs).toEqual([]);
    await db.transaction('rw', db.indexBlocks, db.indexDirectories, db.meta, () => addRun(db, [['e:a@b.c', 1]]));
    expect((await readIndexState(db)).runs).toHaveLength(1);
  });

  it('does not keep what a write transaction read, which an abort would undo', async () => {
    await db.meta.put({ key: 'stale', segs: [1] });
    await expect(
      db.transaction('rw', db.meta, async () => {
        await db.meta.put({ key: 'stale', segs: [1, 2] });
        expect((await readStaleSegments(db)).segs).toEqual([1, 2]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(cachedMetaCount(db)).toBe(0);
    expect((await readStaleSegments(db)).segs).toEqual([1]);
  });

  it('does not keep a read that a write overtook', async () => {
    await db.meta.put(state(1));
    const reading = readMeta(db, 'index');
    await db.meta.put(state(2));
    await reading;
    expect((await readIndexState(db)).runs).toEqual([{ id: 2, entries: 1 }]);
  });

  it('forgets everything when the store is cleared', async () => {
    await db.meta.put(state(1));
    await readIndexState(db);
    await clearLocalStore(db);
    expect((await readIndexState(db)).runs).toEqual([]);
  });
});

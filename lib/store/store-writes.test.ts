import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../tests/unlocked-db';
import type { ReconnuDb } from './db';
import { storeWrites } from './store-writes';

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('store-writes');
});
afterEach(async () => {
  await db.delete();
});

describe('the store write count', () => {
  it('moves with every kind of write, to any table, and not with reads', async () => {
    const start = storeWrites(db);
    const counts = [start];
    await db.meta.put({ key: 'checkpoint', cursor: 'c', customers: 0, lastSuccessAt: null });
    counts.push(storeWrites(db));
    await db.meta.get('checkpoint');
    await db.segments.toArray();
    counts.push(storeWrites(db));
    await db.quarantine.bulkPut([
      { id: 'cus_1', receivedAt: '2026-01-01T00:00:00Z', box: { iv: new Uint8Array(12), data: new ArrayBuffer(1) } },
    ]);
    counts.push(storeWrites(db));
    await db.quarantine.delete('cus_1');
    counts.push(storeWrites(db));
    await db.segments.clear();
    counts.push(storeWrites(db));
    expect(counts).toEqual([start, start + 1, start + 1, start + 2, start + 3, start + 4]);
  });

  it('is counted per database', async () => {
    const other = await unlockedDb('store-writes-other');
    const before = storeWrites(other);
    await db.meta.put({ key: 'checkpoint', cursor: 'c', customers: 0, lastSuccessAt: null });
    expect(storeWrites(other)).toBe(before);
    await other.delete();
  });
});

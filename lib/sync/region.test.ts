import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../tests/unlocked-db';
import { getDefaultRegion } from '../identifiers/phone';
import { applyPage, findByKey, type ReconnuDb, readCheckpoint } from '../store';
import { applyRegion } from './region';

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('region');
});
afterEach(async () => {
  await db.delete();
});

describe('applyRegion', () => {
  it('keeps the store while the region is unchanged, and re-indexes from scratch when it changes', async () => {
    expect(await applyRegion(db, 'BE')).toBe(false);
    expect(getDefaultRegion()).toBe('BE');
    const customer = { id: 'c1', version: 1, updatedAt: '2026-01-01T00:00:00Z', phones: ['0470 12 34 56'] };
    await applyPage(db, { changes: [customer], quarantined: [], cursor: 'c', syncedAt: '2026-01-01T00:00:00Z' });
    expect(await findByKey(db, 'p:+32470123456')).toHaveLength(1);
    expect(await applyRegion(db, 'BE')).toBe(false);
    expect(await findByKey(db, 'p:+32470123456')).toHaveLength(1);

    expect(await applyRegion(db, 'FR')).toBe(true);
    expect(getDefaultRegion()).toBe('FR');
    expect(await findByKey(db, 'p:+32470123456')).toEqual([]);
    expect(await readCheckpoint(db)).toMatchObject({ cursor: null, customers: 0 });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../tests/unlocked-db';
import type { Customer } from '../feed/schema';
import type { ReconnuDb } from './db';
import { lookupKey } from './keys';
import { entriesInRange } from './lookup-index/key-index';
import { readCheckpoint } from './meta-cache';
import { findByKey, forEachCustomer, getCustomer } from './read';
import { purgeNotRefreshedSince } from './retention';
import { applyPage } from './write';

const customer = (i: number, version = 1, phone = '01 45 67 89 10'): Customer => ({
  id: `cus_${String(i).padStart(4, '0')}`,
  version,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Anne', family: `Roux ${i}` },
  emails: [`anne${i}@exemple.fr`],
  phones: [phone],
});
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T08:00:00Z`;

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('retention');
});
afterEach(async () => {
  await db.delete();
});

async function sync(changes: Customer[], on: string): Promise<void> {
  await applyPage(db, { changes, quarantined: [], cursor: on, syncedAt: on });
}

async function storedIds(): Promise<string[]> {
  const ids: string[] = [];
  await forEachCustomer(db, (found) => ids.push(found.id));
  return ids.sort();
}

describe('purgeNotRefreshedSince', () => {
  it('removes customers last received before the cutoff, with their index entries, and keeps the others', async () => {
    await sync(
      Array.from({ length: 130 }, (_, i) => customer(i)),
      day(1),
    );
    await sync([customer(5, 2), customer(200)], day(10)); // cus_0005 refreshed, cus_0200 new
    expect((await readCheckpoint(db)).customers).toBe(131);

    expect(await purgeNotRefreshedSince(db, Date.parse(day(5)))).toBe(129);
    expect(await storedIds()).toEqual(['cus_0005', 'cus_0200']);
    expect(await readCheckpoint(db)).toMatchObject({ customers: 2, cursor: day(10) });
    expect(await getCustomer(db, 'cus_0007')).toBeUndefined();
    expect(await entriesInRange(db, 'e:anne7@', 'e:anne7@\uffff')).toEqual([]);
    expect(await entriesInRange(db, 'i:cus_0007', 'i:cus_0007')).toEqual([]);
    // The shared phone still finds the customers kept, latest copy only.
    const household = await findByKey(db, lookupKey('phone', '01 45 67 89 10') as string);
    expect(household.map((found) => [found.id, found.version]).sort()).toEqual([
      ['cus_0005', 2],
      ['cus_0200', 1],
    ]);
    expect(
      await db.segments
        .where('receivedAt')
        .below(Date.parse(day(5)))
        .count(),
    ).toBe(0);
    expect(await purgeNotRefreshedSince(db, Date.parse(day(5)))).toBe(0);
  });

  it('removes a customer whose every copy is old, superseded ones included', async () => {
    await sync([customer(1, 1, '06 11 11 11 11')], day(1));
    await sync([customer(1, 2, '06 22 22 22 22'), customer(2)], day(2));
    expect(await purgeNotRefreshedSince(db, Date.parse(day(3)))).toBe(2);
    expect(await db.segments.count()).toBe(0);
    expect(await entriesInRange(db, '', '\uffff')).toEqual([]);
    expect((await readCheckpoint(db)).customers).toBe(0);
  });
});

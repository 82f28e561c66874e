import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../tests/unlocked-db';
import type { Customer, Deletion } from '../feed/schema';
import type { ReconnuDb } from './db';
import { lookupKey } from './keys';
import { entriesInRange } from './lookup-index/key-index';
import { purgeIndex } from './lookup-index/purge';
import { readCheckpoint, readStaleSegments } from './meta-cache';
import { readQuarantine } from './quarantine';
import { findByKey, forEachCustomer, getCustomer } from './read';
import { pruneBudget, pruneStaleCopies } from './segments/copies';
import { applyPage, locatePage, sealPage } from './write';

const customer = (id: string, version: number, extra: Partial<Customer> = {}): Customer => ({
  id,
  version,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: `Martin ${id}` },
  emails: [`${id}@example.fr`],
  ...extra,
});
const deletion = (id: string): Deletion => ({ id, deleted: true, deletedAt: '2026-02-01T00:00:00Z' });
const page = (changes: (Customer | Deletion)[], cursor: string) => ({
  changes,
  quarantined: [],
  cursor,
  syncedAt: '2026-01-01T00:00:00Z',
});

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('test');
});
afterEach(async () => {
  await db.delete();
});

async function allIds(): Promise<string[]> {
  const ids: string[] = [];
  await forEachCustomer(db, (c) => ids.push(c.id));
  return ids.sort();
}

describe('applyPage', () => {
  it('stores customers findable by every identifier and commits the cursor with them', async () => {
    const claire = customer('cus_1', 1, {
      phones: ['06 12 34 56 78'],
      loyalty: { tier: 'gold', points: 10, card: '2900000000017' },
    });
    const result = await applyPage(db, page([claire, customer('cus_2', 1)], 'c1'));
    expect(result).toMatchObject({ added: 2, customers: 2 });
    expect((await readCheckpoint(db)).cursor).toBe('c1');
    for (const [kind, raw] of [
      ['email', 'CUS_1@example.fr'],
      ['phone', '+33 6 12 34 56 78'],
      ['card', '2900000000017'],
    ] as const) {
      const found = await findByKey(db, lookupKey(kind, raw) as string);
      expect(found.map((c) => c.id)).toEqual(['cus_1']);
    }
  });

  it('replaces a lower version, ignores an older or equal one arriving late', async () => {
    await applyPage(db, page([customer('cus_1', 2, { name: { given: 'A', family: 'v2' } })], 'c1'));
    await applyPage(db, page([customer('cus_1', 1, { name: { given: 'A', family: 'v1' } })], 'c2'));
    await applyPage(db, page([customer('cus_1', 2, { name: { given: 'A', family: 'v2-dup' } })], 'c3'));
    expect((await getCustomer(db, 'cus_1'))?.name?.family).toBe('v2');
    const result = await applyPage(db, page([customer('cus_1', 3, { name: { given: 'A', family: 'v3' } })], 'c4'));
    expect(result).toMatchObject({ replaced: 1, customers: 1 });
    expect((await getCustomer(db, 'cus_1'))?.name?.family).toBe('v3');
    expect(await allIds()).toEqual(['cus_1']);
  });

  it('keeps one copy when the same id appears twice in a page', async () => {
    await applyPage(db, page([customer('cus_1', 1), customer('cus_1', 3), customer('cus_1', 2)], 'c1'));
    expect(await allIds()).toEqual(['cus_1']);
    expect((await getCustomer(db, 'cus_1'))?.version).toBe(3);
  });

  it('erases a deleted customer and every index entry pointing at it', async () => {
    const many = Array.from({ length: 250 }, (_, i) => customer(`cus_${String(i).padStart(4, '0')}`, 1));
    await applyPage(db, page(many, 'c1'));
    const result = await applyPage(db, page([deletion('cus_0005'), deletion('cus_9999')], 'c2'));
    expect(result).toMatchObject({ deleted: 1, customers: 249 });
    expect(await getCustomer(db, 'cus_0005')).toBeUndefined();
    expect(await findByKey(db, lookupKey('email', 'cus_0005@example.fr') as string)).toEqual([]);
    // The copy went with the page; its sealed entries go in the purge the sync runs before it ends.
    expect(await purgeIndex(db)).toBeGreaterThan(0);
    expect(await entriesInRange(db, 'e:cus_0005@', 'e:cus_0005@\uffff')).toEqual([]);
    expect(await entriesInRange(db, 'i:cus_0005', 'i:cus_0005')).toEqual([]);
    expect((await allIds()).length).toBe(249);
  });

  it('uses copies located before its transaction only while nothing was written since', async () => {
    await applyPage(db, page([customer('cus_1', 1), customer('cus_2', 1)], 'c1'));
    const next = page([customer('cus_1', 3), deletion('cus_2')], 'c3');
    const early = { ...(await sealPage(db, next)), located: await locatePage(db, ['cus_1', 'cus_2']) };
    expect(early.located.copies.get('cus_1')?.version).toBe(1);
    // Written in between: what was located no longer says where the copies are.
    await applyPage(db, page([customer('cus_1', 2), customer('cus_2', 2)], 'c2'));
    expect(await applyPage(db, next, early)).toMatchObject({ replaced: 1, deleted: 1, customers: 1 });
    expect(await pruneStaleCopies(db)).toBe(2);
    const copies: [string, number][] = [];
    await db.segments.each((segment) => {
      for (const [i, id] of segment.ids.entries()) copies.push([id, segment.versions[i] ?? 0]);
    });
    expect(copies).toEqual([['cus_1', 3]]);
    expect((await getCustomer(db, 'cus_1'))?.version).toBe(3);
  });

  it('purges erasures larger than one purge transaction, leaving every other entry', async () => {
    const many = Array.from({ length: 300 }, (_, i) => customer(`cus_${String(i).padStart(4, '0')}`, 1));
    await applyPage(db, page(many, 'c1'));
    const before = await entriesInRange(db, '', '\uffff');
    const erased = many.filter((_, i) => i % 2 === 0).map((c) => c.id);
    await applyPage(db, page(erased.map(deletion), 'c2'));
    const mentions = (entry: (typeof before)[number]) => erased.some((id) => entry[0].includes(id));
    const doomed = before.filter(mentions).length;
    expect(doomed).toBeGreaterThan(3 * 200); // several purge transactions
    expect(await purgeIndex(db)).toBe(doomed);
    const after = await entriesInRange(db, '', '\uffff');
    expect(after.filter(mentions)).toEqual([]);
    expect(after).toEqual(before.filter((entry) => !mentions(entry)));
    expect(await purgeIndex(db)).toBe(0);
  });
  it('finds existing copies of scattered ids (point probes) as well as dense ones (range probe)', async () => {
    const many = Array.from({ length: 500 }, (_, i) => customer(`cus_${String(i).padStart(4, '0')}`, 1));
    await applyPage(db, page(many, 'c1'));
    const scattered = [3, 120, 260, 499].map((i) => customer(`cus_${String(i).padStart(4, '0')}`, 2));
    const result = await applyPage(db, page(scattered, 'c2'));
    expect(result).toMatchObject({ replaced: 4, added: 0, customers: 500 });
    expect((await allIds()).length).toBe(500);
  });

  it('lands quarantined records beside valid ones and clears them once a valid version arrives', async () => {
    const bad = { id: 'cus_bad', reason: 'version: expected number', receivedAt: '2026-01-01T00:00:00Z', raw: '{}' };
    await applyPage(db, { ...page([customer('cus_1', 1)], 'c1'), quarantined: [bad] });
    expect(await readQuarantine(db)).toEqual([bad]);
    await applyPage(db, page([customer('cus_bad', 1)], 'c2'));
    expect(await db.quarantine.count()).toBe(0);
  });
});

describe('applyPage with shared identifiers', () => {
  it('keeps a shared phone findable for the household member who stays', async () => {
    const phone = { phones: ['01 45 67 89 10'] };
    await applyPage(db, page([customer('cus_a', 1, phone), customer('cus_b', 1, phone)], 'c1'));
    await applyPage(db, page([deletion('cus_a')], 'c2'));
    const found = await findByKey(db, lookupKey('phone', '0145678910') as string);
    expect(found.map((c) => c.id)).toEqual(['cus_b']);
    await applyPage(db, page([customer('cus_b', 2, { phones: ['06 00 00 00 01'] })], 'c3'));
    expect(await findByKey(db, lookupKey('phone', '0145678910') as string)).toEqual([]);
    expect(await pruneStaleCopies(db)).toBe(1);
    await purgeIndex(db);
    expect(await entriesInRange(db, 'p:+33145678910', 'p:+33145678910')).toEqual([]);
  });
});

describe('superseded copies', () => {
  const renamed = (version: number, phone: string) =>
    customer('cus_1', version, { name: { given: 'A', family: `v${version}` }, phones: [phone] });

  it('serves only the latest copy until the stale one is pruned, then keeps one copy', async () => {
    await applyPage(db, page([renamed(1, '06 11 11 11 11'), customer('cus_2', 1)], 'c1'));
    await applyPage(db, page([renamed(2, '06 22 22 22 22')], 'c2'));
    expect((await getCustomer(db, 'cus_1'))?.name?.family).toBe('v2');
    expect(await findByKey(db, lookupKey('phone', '0611111111') as string)).toEqual([]);
    expect((await findByKey(db, lookupKey('phone', '0622222222') as string)).map((c) => c.version)).toEqual([2]);
    expect(await allIds()).toEqual(['cus_1', 'cus_2']);
    expect(await pruneStaleCopies(db)).toBe(1);
    const copies: string[] = [];
    await db.segments.each((segment) => copies.push(...segment.ids));
    expect(copies.sort()).toEqual(['cus_1', 'cus_2']);
    expect(await pruneStaleCopies(db)).toBe(0);
  });

  it('prunes within a budget of segments, the oldest stale ones first, and the rest on later runs', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `cus_${String(i).padStart(3, '0')}`);
    await applyPage(
      db,
      page(
        ids.map((id) => customer(id, 1)),
        'c1',
      ),
    );
    // One customer updated in each of the six segments of 25, in two pages.
    const updated = ids.filter((_, i) => i % 25 === 0);
    await applyPage(
      db,
      page(
        updated.slice(0, 3).map((id) => customer(id, 2)),
        'c2',
      ),
    );
    await applyPage(
      db,
      page(
        updated.slice(3).map((id) => customer(id, 2)),
        'c3',
      ),
    );
    const stale = (await readStaleSegments(db)).segs;
    expect(stale).toHaveLength(6);
    expect(await pruneBudget(db)).toBe(100);
    expect(await pruneStaleCopies(db, 2)).toBe(2);
    expect((await readStaleSegments(db)).segs).toEqual(stale.slice(2));
    expect((await getCustomer(db, updated[0] as string))?.version).toBe(2);
    expect(await pruneStaleCopies(db)).toBe(4);
    expect((await readStaleSegments(db)).segs).toEqual([]);
    expect(await allIds()).toEqual(ids);
  });

  it('erases every copy, stale ones included, in the same page', async () => {
    await applyPage(db, page([renamed(1, '06 11 11 11 11')], 'c1'));
    await applyPage(db, page([renamed(2, '06 22 22 22 22')], 'c2'));
    await applyPage(db, page([deletion('cus_1')], 'c3'));
    expect(await db.segments.count()).toBe(0);
    await purgeIndex(db);
    expect(await entriesInRange(db, '', '\uffff')).toEqual([]);
  });

  it('stores again a customer erased earlier, though its entries await the purge', async () => {
    await applyPage(db, page([renamed(1, '06 11 11 11 11')], 'c1'));
    await applyPage(db, page([deletion('cus_1')], 'c2'));
    expect(await applyPage(db, page([renamed(1, '06 11 11 11 11')], 'c3'))).toMatchObject({ added: 1, stale: 0 });
    await purgeIndex(db);
    expect((await findByKey(db, lookupKey('phone', '0611111111') as string)).map((c) => c.id)).toEqual(['cus_1']);
  });
});

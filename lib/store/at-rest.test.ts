import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawDatabaseText } from '../../tests/raw-idb';
import { unlockedDb } from '../../tests/unlocked-db';
import type { Customer } from '../feed/schema';
import { searchCustomers } from '../lookup/search';
import type { ReconnuDb } from './db';
import { lookupKey } from './keys';
import { compactIndex } from './lookup-index/key-merge';
import { readQuarantine } from './quarantine';
import { findByKey, getCustomer } from './read';
import { pruneStaleCopies } from './segments/copies';
import { applyPage } from './write';

const gwendoline = (version: number): Customer => ({
  id: 'cus_secret',
  version,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Gwendoline', family: 'Quimperlé' },
  emails: ['gwendoline.quimperle@exemple.fr'],
  phones: ['06 71 23 45 89'],
  loyalty: { tier: 'gold', points: 1, card: '2900000000017' },
  orders: [
    {
      id: 'ord_1',
      number: 'CMD-778899',
      placedAt: '2026-01-01T00:00:00Z',
      channel: 'web',
      status: 'shipped',
      total: { amount: 10, currency: 'EUR' },
      lines: [],
    },
  ],
});
const filler = (i: number): Customer => ({
  id: `cus_${String(i).padStart(4, '0')}`,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Paul', family: `Durand ${i}` },
  emails: [`paul${i}@exemple.fr`],
});
const page = (changes: Customer[], cursor: string, quarantined = []) => ({
  changes,
  quarantined,
  cursor,
  syncedAt: '2026-01-01T00:00:00Z',
});
/** Everything of Gwendoline that must not be readable at rest, in the forms the store would hold it. */
const PLAINTEXT = ['Gwendoline', 'gwendoline', 'Quimperl', 'quimperle', '71234589', '98543217', '2900000000017'];

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('at-rest');
});
afterEach(async () => {
  await db.delete();
});

describe('encryption at rest', () => {
  it('leaves no email, phone, name, card or order number of a customer in any stored key or value', async () => {
    const issue = {
      id: 'cus_bad',
      reason: 'Stored, but "06 71 23 45 89" is not a valid phone number',
      receivedAt: '2026-01-01T00:00:00Z',
      raw: '{"emails":["gwendoline.quimperle@exemple.fr"]}',
    };
    await applyPage(db, {
      ...page([gwendoline(1), ...Array.from({ length: 60 }, (_, i) => filler(i))], 'c1'),
      quarantined: [issue],
    });
    for (let run = 0; run < 4; run++) await applyPage(db, page([filler(100 + run)], `c${run + 2}`));
    await applyPage(db, page([gwendoline(2)], 'c9')); // a superseded copy, then pruned
    await compactIndex(db);
    await pruneStaleCopies(db);

    expect(await findByKey(db, lookupKey('phone', '06 71 23 45 89') as string)).toHaveLength(1);
    const found = await searchCustomers(db, 'gwendoline quimp', { scope: 'full' });
    expect(found.customers.map((customer) => customer.id)).toEqual(['cus_secret']);
    expect(await readQuarantine(db)).toEqual([issue]);
    const raw = await rawDatabaseText(db.name);
    expect(raw).toContain('cus_secret'); // ids stay in clear: the scan does see the stores
    for (const text of [...PLAINTEXT, 'CMD-778899', 'exemple.fr', 'Durand']) expect(raw).not.toContain(text);
  });

  it('refuses a segment whose ciphertext or clear ids were altered, instead of serving something else', async () => {
    await applyPage(db, page([gwendoline(1), filler(1)], 'c1'));
    const [segment] = await db.segments.toArray();
    if (!segment) throw new Error('no segment');
    await db.segments.put({ ...segment, ids: ['cus_0001', 'cus_secret'] });
    await expect(getCustomer(db, 'cus_secret')).rejects.toThrow();
    const data = new Uint8Array(segment.box.data.slice(0));
    data[0] = (data[0] as number) ^ 1;
    await db.segments.put({ ...segment, box: { iv: segment.box.iv, data: data.buffer } });
    await expect(getCustomer(db, 'cus_secret')).rejects.toThrow();
  });

  it('finds nobody while locked', async () => {
    await applyPage(db, page([gwendoline(1)], 'c1'));
    db.setDataKey(null);
    expect(await getCustomer(db, 'cus_secret')).toBeUndefined();
    expect((await searchCustomers(db, 'Gwendoline', { scope: 'full' })).customers).toEqual([]);
    expect(await readQuarantine(db)).toEqual([]);
    await expect(applyPage(db, page([filler(1)], 'c2'))).rejects.toThrow(/locked/);
  });
});

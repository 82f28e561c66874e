import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../tests/unlocked-db';
import type { Customer } from '../feed/schema';
import { applyPage, type ReconnuDb } from '../store';
import { type SearchOptions, searchCustomers } from './search';

const person = (id: string, given: string, family: string, extra: Partial<Customer> = {}): Customer => ({
  id,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given, family },
  ...extra,
});

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('search');
  const changes = [
    person('c1', 'Claire', 'Martin', { phones: ['06 12 34 56 78'], addresses: [{ city: 'Lyon' }] }),
    person('c2', 'Claire', 'Martin', { phones: ['06 98 76 54 32'], addresses: [{ city: 'Nantes' }] }),
    person('c3', 'Élodie', 'Lefèvre', {
      emails: ['elodie.lefevre@laposte.net'],
      loyalty: { tier: 'gold', points: 1, card: 'ML-0042' },
    }),
    person('c4', 'Clara', 'Martinez'),
    person('c5', 'Philippe', 'Dupont', { name: { given: 'Philippe', family: 'Dupont', preferred: 'Phil' } }),
    person('c6', 'Marc', 'Morin', { phones: ['+32 470 12 34 56'] }),
  ];
  await applyPage(db, { changes, quarantined: [], cursor: 'c', syncedAt: '2026-01-01T00:00:00Z' });
});
afterEach(() => db.delete());

const full = { scope: 'full' } as const;
const counter = { scope: 'counter' } as const;
const ids = async (query: string, options: SearchOptions = full) =>
  (await searchCustomers(db, query, options)).customers.map((found) => found.id);
const kind = async (query: string, options: SearchOptions = full) => (await searchCustomers(db, query, options)).kind;

describe('searchCustomers', () => {
  it('finds a name whatever its accents and case, namesakes in a stable order', async () => {
    expect(await ids('Lefevre')).toEqual(['c3']);
    expect(await ids('elodie LEFÈVRE')).toEqual(['c3']);
    expect((await ids('Claire Martin')).slice(0, 2)).toEqual(['c1', 'c2']);
  });

  it('forgives typos and spelling variants, best match first', async () => {
    expect((await ids('Clér Martin')).slice(0, 2).sort()).toEqual(['c1', 'c2']);
    expect(await ids('Filipe Dupond')).toEqual(['c5']);
    expect(await ids('Marin Martni')).toEqual([]); // every word must match someone's name
    expect((await ids('Clara Martinez'))[0]).toBe('c4');
    expect(await ids('Phil')).toEqual(['c5']);
  });

  it('finds by name prefix, email or its beginning, card, and phone in any format or its last digits', async () => {
    expect(await ids('Mart')).toEqual(expect.arrayContaining(['c1', 'c2', 'c4']));
    expect(await ids('elodie.lefevre@laposte.net')).toEqual(['c3']);
    expect(await ids('elodie.lef')).toEqual(['c3']);
    expect(await ids('ELODIE.LEFEVRE@')).toEqual(['c3']);
    expect(await ids('ML-0042')).toEqual(['c3']);
    expect(await ids('+33 6 12 34 56 78')).toEqual(['c1']);
    expect(await ids('5678')).toEqual(['c1']);
    expect(await ids('34 56')).toEqual(expect.arrayContaining(['c6']));
    expect(await ids('x')).toEqual([]);
  });

  it('searches a store counter by a name, a whole email or phone, a card or an order; never by part of a contact', async () => {
    expect(await ids('Claire Martin', counter)).toEqual(expect.arrayContaining(['c1', 'c2']));
    expect(await ids('elodie.lefevre@laposte.net', counter)).toEqual(['c3']);
    expect(await ids('ML-0042', counter)).toEqual(['c3']);
    expect(await ids('06 12 34 56 78', counter)).toEqual(['c1']);
    expect(await ids('+33 6 12 34 56 78', counter)).toEqual(['c1']);
    for (const partial of ['5678', '34 56 78', '12 34 56 78', 'ELODIE.LEFEVRE@', 'elodie.lefevre@lap'])
      expect(await ids(partial, counter), partial).toEqual([]);
    expect(await ids('c3', counter)).toEqual([]); // customer ids are no counter's business
    expect(await ids('c3')).toEqual(['c3']);
  });

  it('tells the kind of key searched, from what was typed and what matched exactly', async () => {
    expect(await kind('Claire Martin')).toBe('name');
    expect(await kind('elodie.lefevre@laposte.net')).toBe('email');
    expect(await kind('elodie.lef')).toBe('partial email');
    expect(await kind('elodie@')).toBe('partial email');
    expect(await kind('06 12 34 56 78')).toBe('phone');
    expect(await kind('5678', counter)).toBe('partial phone');
    expect(await kind('ML-0042', counter)).toBe('card');
    expect(await kind('ML-9999')).toBe('card or order');
  });
});

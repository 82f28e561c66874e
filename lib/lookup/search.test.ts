import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../tests/unlocked-db';
import type { Customer } from '../feed/schema';
import type { ReconnuDb } from '../store/db';
import { applyPage } from '../store/write';
import { searchCustomers } from './search';

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

const ids = async (query: string) => (await searchCustomers(db, query)).map((found) => found.id);

describe('searchCustomers', () => {
  it('finds a name whatever its accents and case, and tells namesakes apart by city', async () => {
    expect(await ids('Lefevre')).toEqual(['c3']);
    expect(await ids('elodie LEFÈVRE')).toEqual(['c3']);
    const namesakes = await searchCustomers(db, 'Claire Martin');
    expect(namesakes.map((found) => found.id).slice(0, 2)).toEqual(['c1', 'c2']);
    expect(namesakes.map((found) => found.hint.split(' · ')[0]).slice(0, 2)).toEqual(['Lyon', 'Nantes']);
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
});

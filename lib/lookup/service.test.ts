import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mentioned } from '../../tests/sightings';
import { unlockedDb } from '../../tests/unlocked-db';
import type { Customer } from '../feed/schema';
import type { Sighting } from '../protocol/messages';
import { applyPage, type ReconnuDb } from '../store';
import { ownIdentity } from './own-identity';
import { searchCustomers as search } from './search';
import { recognize } from './service';

const customer = (id: string, extra: Partial<Customer>): Customer => ({
  id,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: 'Martin' },
  ...extra,
});

let db: ReconnuDb;
beforeEach(async () => {
  db = await unlockedDb('lookup');
  await applyPage(db, {
    changes: [
      customer('cus_1', { emails: ['claire.martin@orange.fr'], phones: ['01 45 67 89 10'] }),
      customer('cus_2', {
        emails: ['c.martin@free.fr'],
        addresses: [{ city: 'Lyon', country: 'FR' }],
        phones: ['+33 1 45 67 89 10'],
        orders: [
          {
            id: 'o1',
            number: 'FR-1000001',
            placedAt: '2026-03-01T10:00:00Z',
            channel: 'web',
            status: 'delivered',
            total: { amount: 42, currency: 'EUR' },
            lines: [],
          },
        ],
      }),
    ],
    quarantined: [],
    cursor: 'c',
    syncedAt: '2026-01-01T00:00:00Z',
  });
});
afterEach(async () => {
  await db.delete();
});

describe('recognize', () => {
  it('matches one customer by email, whatever its case', async () => {
    const { recognition: state } = await recognize(
      db,
      mentioned({ emails: ['Claire.Martin@orange.fr', 'agent@company.example'] }),
    );
    expect(state).toMatchObject({ status: 'matched', customer: { id: 'cus_1' }, foundBy: 'email' });
  });

  it('never picks one of several customers sharing a number', async () => {
    const { recognition: state } = await recognize(db, mentioned({ phones: ['01.45.67.89.10'] }));
    expect(state.status).toBe('ambiguous');
    if (state.status === 'ambiguous')
      expect(state.candidates.map(({ customer }) => customer.id).sort()).toEqual(['cus_1', 'cus_2']);
  });

  it("finds a Belgian customer by their address's national number, and not by a French number of the same digits", async () => {
    const belgian = customer('cus_be', {
      name: { given: 'Lotte', family: 'Peeters' },
      addresses: [{ city: 'Gent', country: 'BE', phone: '0470 12 34 56 poste 12' }],
    });
    await applyPage(db, { changes: [belgian], quarantined: [], cursor: 'c2', syncedAt: '2026-01-02T00:00:00Z' });
    for (const phone of ['+32 470 12 34 56', '0032470123456', '+32 470 12 34 56 poste 12']) {
      expect((await recognize(db, mentioned({ phones: [phone] }))).recognition, phone).toMatchObject({
        status: 'matched',
        customer: { id: 'cus_be' },
      });
    }
    for (const phone of ['+33 4 70 12 34 56', '04 70 12 34 56', '+32 470 12 34 56 poste 13']) {
      expect((await recognize(db, mentioned({ phones: [phone] }))).recognition, phone).toEqual({ status: 'unknown' });
    }
  });

  it('a new address under the name of a customer the page shows is theirs; under another name, a stranger', async () => {
    const card = (near: string): Sighting => ({ kind: 'email', value: 'nadou62@proton.me', cues: ['label'], near });
    const oldAddress: Sighting = { kind: 'email', value: 'claire.martin@orange.fr', cues: [] };
    expect((await recognize(db, [card('Claire Martin nadou62@proton.me'), oldAddress])).recognition).toMatchObject({
      status: 'matched',
      customer: { id: 'cus_1' },
    });
    expect((await recognize(db, [card('Nadine Vasseur nadou62@proton.me'), oldAddress])).recognition).toEqual({
      status: 'unknown',
    });
  });

  it('says unknown when nothing matches', async () => {
    expect((await recognize(db, mentioned({ emails: ['someone@else.example'] }))).recognition).toEqual({
      status: 'unknown',
    });
  });
});

describe('recognize among the company’s own people', () => {
  const own = ownIdentity(
    { id: 'usr_t', name: 'Thomas', email: 'thomas@atelier.example', role: 'agent' },
    { organizationDomains: [], organizationPhones: [] },
  );
  const sighting = (value: string, cues: Sighting['cues'], region = ''): Sighting => ({
    kind: 'email',
    value,
    cues,
    region,
  });

  it('names nobody from a mere mention when every sender is the company: an internal conversation', async () => {
    const sightings = [sighting('support@atelier.example', ['sender']), sighting('claire.martin@orange.fr', [])];
    expect((await recognize(db, sightings, { own })).recognition).toEqual({ status: 'unknown' });
  });

  it('a colleague who also shops there, shown with their work address, is staff on this page, not a customer', async () => {
    const colleague = customer('cus_colleague', {
      name: { given: 'Karim', family: 'Haddad' },
      emails: ['k.haddad@outlook.fr', 'karim.haddad@atelier.example'],
      phones: ['07 68 22 41 95'],
    });
    await applyPage(db, { changes: [colleague], quarantined: [], cursor: 'c3', syncedAt: '2026-01-03T00:00:00Z' });
    const mobile: Sighting = { kind: 'phone', value: '07 68 22 41 95', cues: ['card'], region: '' };
    const atWork = [sighting('karim.haddad@atelier.example', ['card']), mobile];
    expect((await recognize(db, atWork, { own })).recognition).toEqual({ status: 'unknown' });
    // Writing from home with the same phone, they are a customer like any other.
    const atHome = [sighting('k.haddad@outlook.fr', ['sender']), mobile];
    expect((await recognize(db, atHome, { own })).recognition).toMatchObject({
      status: 'matched',
      customer: { id: 'cus_colleague' },
    });
  });

  it('a reply form’s "From: the company" does not make the ticket internal', async () => {
    const sightings = [
      sighting('support@atelier.example', ['sender'], 'form|de|div>form>p'),
      sighting('claire.martin@orange.fr', []),
    ];
    expect((await recognize(db, sightings, { own })).recognition).toMatchObject({
      status: 'matched',
      customer: { id: 'cus_1' },
    });
  });
});

describe('recognize from lists', () => {
  const row = (value: string): Sighting => ({ kind: 'email', value, cues: ['listed'], region: '||div.row>span' });

  it('a list of several people names nobody; a list whose every row is one person’s is about them', async () => {
    const several = [row('claire.martin@orange.fr'), row('c.martin@free.fr')];
    expect((await recognize(db, several)).recognition).toEqual({ status: 'unknown' });
    const withStranger = [row('claire.martin@orange.fr'), row('someone@else.example')];
    expect((await recognize(db, withStranger)).recognition).toEqual({ status: 'unknown' });
    // One row only: an inbox listing names, where one snippet holds a number, is about nobody.
    expect((await recognize(db, [row('c.martin@free.fr')])).recognition).toEqual({ status: 'unknown' });
    const onePerson = [row('c.martin@free.fr'), { ...row('FR-1000001'), kind: 'order' as const }];
    expect((await recognize(db, onePerson)).recognition).toMatchObject({
      status: 'matched',
      customer: { id: 'cus_2' },
    });
  });
});

describe('search', () => {
  it('finds by order number, email or phone', async () => {
    const ids = async (query: string) =>
      (await search(db, query, { scope: 'full' })).customers.map((customer) => customer.id);
    expect(await ids('fr-1000001')).toEqual(['cus_2']);
    expect(await ids('c.martin@free.fr')).toEqual(['cus_2']);
    expect(await ids('0145678910')).toHaveLength(2);
  });
});

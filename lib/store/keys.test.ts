import { afterEach, describe, expect, it } from 'vitest';
import type { Customer } from '../feed/schema';
import { getDefaultRegion, setDefaultRegion } from '../identifiers/phone';
import { customerKeys, unindexablePhones } from './keys';

const customer = (): Customer => ({
  id: 'cus_1',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: 'Martin' },
  emails: ['Claire@Example.fr'],
  phones: ['01 84 60 12 00', 'not a phone'],
});

const initialRegion = getDefaultRegion();
afterEach(() => setDefaultRegion(initialRegion));

describe('customer keys, computed once per customer', () => {
  it('gives validation and packing the same analysis of one record', () => {
    setDefaultRegion('FR');
    const claire = customer();
    expect(unindexablePhones(claire)).toEqual([{ raw: 'not a phone', region: 'FR' }]);
    const keys = customerKeys(claire);
    expect(keys).toContain('e:claire@example.fr');
    expect(keys).toContain('p:+33184601200');
    expect(customerKeys(claire)).toBe(keys);
  });

  it('reads the phones again when the default region changed', () => {
    setDefaultRegion('FR');
    const claire = customer();
    expect(customerKeys(claire)).toContain('p:+33184601200');
    setDefaultRegion('BE');
    expect(customerKeys(claire)).not.toContain('p:+33184601200');
    expect(customerKeys(customer())).toEqual(customerKeys(claire));
  });
});

describe('stored phones, read in the country they belong to', () => {
  const belgian = (extra: Partial<Customer>): Customer => ({ ...customer(), phones: [], ...extra });
  const order = (phone: string) => ({
    id: 'o1',
    number: 'BE-1',
    placedAt: '2026-01-01T00:00:00Z',
    channel: 'web' as const,
    status: 'paid',
    total: { amount: 1, currency: 'EUR' },
    lines: [],
    phone,
  });

  it("reads an address's national number in that address's country, whatever the default region", () => {
    setDefaultRegion('FR');
    const keys = customerKeys(belgian({ addresses: [{ country: 'be', phone: '0470 12 34 56' }] }));
    expect(keys).toContain('p:+32470123456');
    expect(keys).not.toContain('p:+33470123456');
  });

  it('reads profile and order phones in the country all the addresses agree on', () => {
    setDefaultRegion('FR');
    const keys = customerKeys(
      belgian({
        phones: ['0470 12 34 56'],
        addresses: [{ country: 'BE', city: 'Bruxelles' }, { city: 'Liège' }, { country: 'BE' }],
        orders: [order('02 512 34 56')],
      }),
    );
    expect(keys).toContain('p:+32470123456');
    expect(keys).toContain('p:+3225123456');
  });

  it('falls back to the default region when the addresses disagree or say nothing', () => {
    setDefaultRegion('FR');
    const split = belgian({ phones: ['06 12 34 56 78'], addresses: [{ country: 'BE' }, { country: 'FR' }] });
    expect(customerKeys(split)).toContain('p:+33612345678');
    const unknownCountry = belgian({ phones: ['06 12 34 56 78'], addresses: [{ country: 'ZZ' }] });
    expect(customerKeys(unknownCountry)).toContain('p:+33612345678');
    const mixed = belgian({ addresses: [{ country: 'BE', phone: '0470 12 34 56' }, { phone: '06 12 34 56 78' }] });
    expect(customerKeys(mixed)).toEqual(expect.arrayContaining(['p:+32470123456']));
  });

  it('leaves numbers written with their country code as they are', () => {
    setDefaultRegion('FR');
    const keys = customerKeys(belgian({ addresses: [{ country: 'BE', phone: '+33 6 12 34 56 78' }] }));
    expect(keys).toContain('p:+33612345678');
  });

  it('reads a number that is no number of its address country in the default region, as before', () => {
    setDefaultRegion('FR');
    const commuter = belgian({ addresses: [{ country: 'BE', phone: '06 12 34 56 78' }] });
    expect(customerKeys(commuter)).toContain('p:+33612345678');
    expect(unindexablePhones(commuter)).toEqual([]);
  });

  it('reports a number valid nowhere with the country it was read in', () => {
    setDefaultRegion('FR');
    const short = belgian({ addresses: [{ country: 'BE', phone: '0470 12 34' }] });
    expect(unindexablePhones(short)).toEqual([{ raw: '0470 12 34', region: 'BE' }]);
  });
});

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
    expect(unindexablePhones(claire)).toEqual(['not a phone']);
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

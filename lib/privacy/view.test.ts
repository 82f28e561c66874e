import { describe, expect, it } from 'vitest';
import type { Customer, Me } from '../feed/schema';
import { profileFor } from './view';

const customer: Customer = {
  id: 'cus_1',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: 'Dupont' },
  emails: ['claire.dupont@example.org'],
  phones: ['06 12 34 56 78'],
  addresses: [{ label: 'Home', line1: '12 rue de Rivoli', postalCode: '75004', city: 'Paris', country: 'FR' }],
  preferences: { brands: ['Sézane'] },
  wishlist: [{ sku: 'A', title: 'Trench', addedAt: '2026-01-01T00:00:00Z' }],
  consent: { personalization: true },
};
const person = (role: Me['role']): Me => ({ id: 'u', name: 'U', email: 'u@example.org', role });

describe('profileFor', () => {
  it('masks contacts and drops the street address for store staff', () => {
    const { customer: view, privacy } = profileFor(customer, person('store'));
    expect(privacy.masked).toBe(true);
    expect(privacy.viewerRole).toBe('store'); // the profile leads with what store staff use in the aisle
    expect(view.emails).toEqual(['c•••@example.org']);
    expect(view.phones).toEqual(['+33 6 •• •• •• 78']);
    expect(view.addresses).toEqual([{ label: 'Home', city: 'Paris', country: 'FR' }]);
    expect(JSON.stringify(view)).not.toMatch(/claire\.dupont|12 34 56|Rivoli|75004/);
  });

  it('masks for a viewer the feed has not vouched for', () => {
    expect(profileFor(customer, null).privacy).toMatchObject({ masked: true, viewerRole: null });
  });

  it.each(['agent', 'supervisor', 'admin'] as const)('shows contacts in full to %s', (role) => {
    const { customer: view, privacy } = profileFor(customer, person(role));
    expect(privacy.masked).toBe(false);
    expect(view.emails).toEqual(customer.emails);
    expect(view.addresses?.[0]?.line1).toBe('12 rue de Rivoli');
  });

  it('withholds preferences and behaviour without personalization consent', () => {
    const refused = { ...customer, consent: { personalization: false } };
    const { customer: view, privacy } = profileFor(refused, person('agent'));
    expect(privacy.personalizationHidden).toBe(true);
    expect(view.preferences).toBeUndefined();
    expect(view.wishlist).toBeUndefined();
    expect(view.name?.given).toBe('Claire');
  });
});

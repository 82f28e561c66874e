import { describe, expect, it } from 'vitest';
import type { Customer, Me } from '../feed/schema';
import { candidateFor, panelStateFor } from './candidates';
import { profileFor } from './view';

const person = (id: string, extra: Partial<Customer>): Customer => ({
  id,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: 'Dupont' },
  ...extra,
});
const noOrder = person('cus_1', {
  emails: ['claire.dupont@example.org'],
  phones: ['06 12 34 56 78'],
  addresses: [{ line1: '12 rue de Rivoli', postalCode: '75004', city: 'Paris' }],
});
const order = (number: string, placedAt: string) => ({
  id: number,
  number,
  placedAt,
  channel: 'web' as const,
  status: 'shipped',
  total: { amount: 10, currency: 'EUR' },
  lines: [],
});
const withOrder = person('cus_2', {
  emails: ['claire.d@example.org'],
  orders: [order('FR-1', '2026-02-01T00:00:00Z'), order('FR-2', '2026-03-01T00:00:00Z')],
});
const noCity = person('cus_3', { emails: ['c.dupont@example.org'] });
const viewer = (role: Me['role']): Me => ({ id: 'u', name: 'U', email: 'u@example.org', role });

describe('candidateFor', () => {
  it('masks the hint for store staff exactly as their profile masks the email', () => {
    const store = viewer('store');
    for (const customer of [noOrder, noCity]) {
      const { hint } = candidateFor(customer, store);
      const shown = profileFor(customer, store).customer.emails?.[0] as string;
      expect(hint.endsWith(shown)).toBe(true);
      expect(hint).not.toContain(customer.emails?.[0]);
    }
    expect(candidateFor(noOrder, store)).toEqual({
      id: 'cus_1',
      name: 'Claire Dupont',
      hint: 'Paris · c•••@example.org',
    });
    expect(candidateFor(noOrder, null).hint).toBe('Paris · c•••@example.org'); // nobody vouched for: masked
  });

  it('shows agents and supervisors what they saw before: the city, then the last order or else the first email', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(candidateFor(noOrder, viewer(role)).hint).toBe('Paris · claire.dupont@example.org');
      expect(candidateFor(withOrder, viewer(role)).hint).toBe('FR-2 · 2026-03-01');
    }
    expect(candidateFor(withOrder, viewer('store')).hint).toBe('FR-2 · 2026-03-01');
  });
});

describe('panelStateFor', () => {
  const ambiguous = {
    status: 'ambiguous' as const,
    candidates: [
      { customer: noOrder, reason: 'sender' as const },
      { customer: noCity, reason: 'mentioned' as const },
    ],
  };

  it("masks the picker's hints for store staff, and keeps each candidate's reason", () => {
    const state = panelStateFor(ambiguous, viewer('store'));
    expect(state).toEqual({
      status: 'ambiguous',
      candidates: [
        { id: 'cus_1', name: 'Claire Dupont', hint: 'Paris · c•••@example.org', reason: 'sender' },
        { id: 'cus_3', name: 'Claire Dupont', hint: 'c•••@example.org', reason: 'mentioned' },
      ],
    });
    expect(JSON.stringify(state)).not.toMatch(/claire\.dupont@|c\.dupont@/);
  });

  it("gives an agent the picker's hints in full, and shapes a matched profile as profileFor does", () => {
    const state = panelStateFor(ambiguous, viewer('agent'));
    expect(state.status === 'ambiguous' && state.candidates.map(({ hint }) => hint)).toEqual([
      'Paris · claire.dupont@example.org',
      'c.dupont@example.org',
    ]);
    const matched = panelStateFor({ status: 'matched', customer: noOrder, foundBy: 'email' }, viewer('store'));
    expect(matched).toEqual({ status: 'matched', foundBy: 'email', ...profileFor(noOrder, viewer('store')) });
    expect(panelStateFor({ status: 'unknown' }, viewer('store'))).toEqual({ status: 'unknown' });
  });
});

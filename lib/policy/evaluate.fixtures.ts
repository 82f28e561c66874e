// Shared fixtures of the policy evaluation tables.
import type { Customer } from '../feed/schema';
import { type EvaluationInput, evaluate } from './evaluate';
import { type GestureRecord, type Policy, policySchema } from './schema';

export const policy: Policy = policySchema.parse({
  version: 1,
  id: 'pol_test',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  rates: { GBP: 1.17, JPY: 0.0062 },
  validFrom: '2026-01-01T00:00:00Z',
  validUntil: '2027-01-01T00:00:00Z',
  people: [{ id: 'usr_lea', name: 'Léa Martin', role: 'agent' }],
  rules: [
    {
      id: 'agent-goodwill',
      who: { roles: ['agent'] },
      gesture: 'goodwill',
      maxPerGesture: 3000,
      approvalUpTo: 10000,
      perCustomer: { days: 30, total: 5000 },
      perAgentPerDay: { total: 20000, count: 10 },
    },
    {
      id: 'agent-shipping',
      who: { roles: ['agent'] },
      gesture: 'freeShipping',
      maxPerGesture: 1,
      perCustomer: { days: 7, count: 1 },
    },
    {
      id: 'gold-discount',
      who: { roles: ['agent'] },
      gesture: 'discount',
      maxPerGesture: 15,
      approvalUpTo: 25,
      when: { tiers: ['gold', 'platinum'], consent: true },
    },
    {
      id: 'maven-express',
      who: { roles: ['agent'] },
      gesture: 'expressShipping',
      maxPerGesture: 1,
      when: { segments: ['maven'] },
    },
    {
      id: 'big-spender-refund',
      who: { people: ['usr_lea'] },
      gesture: 'refund',
      maxPerGesture: 20000,
      when: { minLifetimeValue: 40000 },
    },
    {
      id: 'winter-returns',
      who: { roles: ['agent'] },
      gesture: 'returnExtension',
      maxPerGesture: 30,
      validFrom: '2026-12-01T00:00:00+01:00',
      validUntil: '2026-12-31T23:00:00Z',
    },
  ],
});

export const lea = { id: 'usr_lea', name: 'Léa Martin', role: 'agent' as const };
export const hugo = { id: 'usr_hugo', name: 'Hugo Bernard', role: 'store' as const };
export const order = (amount: number, currency = 'EUR', status = 'delivered') => ({
  id: `o${amount}${currency}`,
  number: `N${amount}`,
  placedAt: '2026-05-01T10:00:00Z',
  channel: 'web' as const,
  status,
  total: { amount, currency },
  lines: [],
});
export const claire: Customer = {
  id: 'cus_claire',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  loyalty: { tier: 'Gold', points: 100 },
  consent: { personalization: true },
  influence: { segment: 'maven' },
  orders: [order(300), order(150.5, 'GBP'), order(999, 'EUR', 'cancelled'), order(10, 'CHF')],
};
export const plain: Customer = {
  id: 'cus_plain',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  loyalty: { tier: 'silver', points: 1 },
  consent: { personalization: true },
};

let n = 0;
export const past = (over: Partial<GestureRecord>): GestureRecord => ({
  id: `g${++n}`,
  customerId: 'cus_claire',
  agentId: 'usr_other',
  gesture: 'goodwill',
  size: 1000,
  reason: 'late parcel',
  channel: 'store',
  status: 'granted',
  at: '2026-11-20T10:00:00Z',
  ...over,
});

export const NOW = new Date('2026-11-20T15:00:00Z');
export const run = (over: Partial<EvaluationInput> & Pick<EvaluationInput, 'request'>) =>
  evaluate({ policy, me: lea, customer: claire, history: [], now: NOW, ...over });

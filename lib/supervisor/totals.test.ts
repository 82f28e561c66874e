import { describe, expect, it } from 'vitest';
import type { GestureRecord, Policy } from '../policy/schema';
import { historyTotals, totalsBy } from './totals';

const policy: Policy = {
  version: 1,
  id: 'p',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  rates: { GBP: 1.2 },
  validFrom: '2026-01-01T00:00:00Z',
  validUntil: '2027-01-01T00:00:00Z',
  people: [],
  rules: [],
};

let next = 0;
const record = (over: Partial<GestureRecord>): GestureRecord => ({
  id: `g${++next}`,
  customerId: 'claire',
  agentId: 'lea',
  gesture: 'goodwill',
  size: 1000,
  currency: 'EUR',
  reason: 'late',
  channel: 'phone',
  status: 'granted',
  at: '2026-11-05T10:00:00Z',
  ...over,
});

describe('history totals', () => {
  const records = [
    record({}),
    record({ status: 'approved', size: 4500 }),
    record({ status: 'pending', size: 9900 }),
    record({ status: 'rejected', size: 9900 }),
    record({ agentId: 'hugo', currency: 'GBP', size: 1000 }),
    record({ agentId: 'hugo', gesture: 'discount', size: 10, currency: undefined }),
    record({ agentId: 'hugo', currency: 'USD', size: 1000, customerId: 'anna' }),
    record({ at: '2026-11-05T23:30:00Z', customerId: 'anna' }),
  ];

  it('counts what was given, money in the policy currency, largest first', () => {
    expect(totalsBy(records, { key: (one) => one.agentId, policy })).toEqual([
      { key: 'lea', count: 3, money: 6500 },
      // GBP at 1.2; USD has no rate: counted as a gesture, not as money. The discount is not money.
      { key: 'hugo', count: 3, money: 1200 },
    ]);
  });

  it('gives every day of the range, in the policy zone, nothing-given days included', () => {
    const totals = historyTotals(records, { policy, days: ['2026-11-04', '2026-11-05', '2026-11-06'] });
    expect(totals.days).toEqual([
      { key: '2026-11-04', count: 0, money: 0 },
      { key: '2026-11-05', count: 5, money: 6700 },
      // 23:30 UTC is the next day in Paris.
      { key: '2026-11-06', count: 1, money: 1000 },
    ]);
    expect(totals.customers.map((total) => total.key)).toEqual(['claire', 'anna']);
  });
});

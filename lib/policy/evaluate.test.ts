import { describe, expect, it } from 'vitest';
import type { Customer } from '../feed/schema';
import { type EvaluationInput, evaluate } from './evaluate';
import { type GestureRecord, type Policy, policySchema } from './schema';
import { dayKey, daysBefore, lifetimeValue } from './units';

const policy: Policy = policySchema.parse({
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

const lea = { id: 'usr_lea', name: 'Léa Martin', role: 'agent' as const };
const hugo = { id: 'usr_hugo', name: 'Hugo Bernard', role: 'store' as const };
const order = (amount: number, currency = 'EUR', status = 'delivered') => ({
  id: `o${amount}${currency}`,
  number: `N${amount}`,
  placedAt: '2026-05-01T10:00:00Z',
  channel: 'web' as const,
  status,
  total: { amount, currency },
  lines: [],
});
const claire: Customer = {
  id: 'cus_claire',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  loyalty: { tier: 'Gold', points: 100 },
  consent: { personalization: true },
  influence: { segment: 'maven' },
  orders: [order(300), order(150.5, 'GBP'), order(999, 'EUR', 'cancelled'), order(10, 'CHF')],
};
const plain: Customer = {
  id: 'cus_plain',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  loyalty: { tier: 'silver', points: 1 },
  consent: { personalization: true },
};

let n = 0;
const past = (over: Partial<GestureRecord>): GestureRecord => ({
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

const NOW = new Date('2026-11-20T15:00:00Z');
const run = (over: Partial<EvaluationInput> & Pick<EvaluationInput, 'request'>) =>
  evaluate({ policy, me: lea, customer: claire, history: [], now: NOW, ...over });

describe('policy evaluation: limits', () => {
  it.each([
    ['within every limit', 2000, [], 'allow', /within the limits/],
    ['exactly at the per-gesture limit', 3000, [], 'allow', /within/],
    [
      'above the per-gesture limit, under the approval ceiling',
      4500,
      [],
      'approval',
      /above the €30.00 per-gesture limit.*approve up to €100.00/,
    ],
    ['above the approval ceiling', 12000, [], 'deny', /above the €100.00 approval ceiling/],
    [
      'over the per-customer total given on another channel',
      2500,
      [past({ size: 3000 })],
      'approval',
      /€50.00 per-customer limit for 30 days \(€30.00 given\)/,
    ],
    [
      'a rejected or pending gesture is not counted',
      2500,
      [past({ size: 3000, status: 'rejected' }), past({ size: 3000, status: 'pending' })],
      'allow',
      /within/,
    ],
    ['an approved one is', 2500, [past({ size: 3000, status: 'approved' })], 'approval', /per-customer/],
    ['outside the 30-day window', 2500, [past({ size: 3000, at: '2026-10-21T10:00:00Z' })], 'allow', /within/],
    [
      'the first day of the 30-day window',
      2500,
      [past({ size: 3000, at: '2026-10-22T10:00:00Z' })],
      'approval',
      /per-customer/,
    ],
    [
      'the agent daily total, for other customers',
      2500,
      [past({ customerId: 'x', agentId: 'usr_lea', size: 18000 })],
      'approval',
      /Léa Martin's €200.00 daily limit/,
    ],
    [
      'the agent daily count',
      100,
      Array.from({ length: 10 }, () => past({ customerId: 'y', agentId: 'usr_lea', size: 10 })),
      'approval',
      /10 time\(s\) today/,
    ],
    ['other gestures are not counted', 2500, [past({ gesture: 'refund', size: 3000 })], 'allow', /within/],
  ] as const)('%s', (_, size, history, decision, rule) => {
    const result = run({ request: { gesture: 'goodwill', size, currency: 'EUR' }, history: [...history] });
    expect(result.decision).toBe(decision);
    expect(result.rule).toMatch(rule);
  });

  it('reports what is left and what was given, on any channel', () => {
    const given = past({ size: 1200, channel: 'phone' });
    const result = run({
      request: { gesture: 'goodwill', size: 100 },
      history: [given, past({ customerId: 'z', agentId: 'usr_lea', size: 500 })],
    });
    expect(result.remaining).toEqual({
      perGesture: 3000,
      customer: { count: null, total: 3800 },
      agentToday: { count: 9, total: 19500 },
    });
    expect(result.given).toEqual([given]);
  });

  it('counts free shipping per customer per week', () => {
    const shipping = { gesture: 'freeShipping', size: 1 } as const;
    expect(run({ request: shipping }).decision).toBe('allow');
    const history = [past({ gesture: 'freeShipping', size: 1, at: '2026-11-14T10:00:00Z' })];
    const again = run({ request: shipping, history });
    expect(again.decision).toBe('deny');
    expect(again.rule).toMatch(/already given 1 time\(s\).*no approval is possible/);
    expect(
      run({ request: shipping, history: [past({ gesture: 'freeShipping', size: 1, at: '2026-11-13T10:00:00Z' })] })
        .decision,
    ).toBe('allow');
  });
});

describe('policy evaluation: who, conditions and dates', () => {
  it.each([
    [
      'a role without a rule',
      { me: hugo, request: { gesture: 'goodwill', size: 100 } },
      'deny',
      /No rule .* lets Hugo Bernard \(store\) grant a goodwill credit/,
    ],
    [
      'a tier (case-insensitive) with consent',
      { request: { gesture: 'discount', size: 10 } },
      'allow',
      /gold-discount/,
    ],
    [
      'a tier not listed',
      { customer: plain, request: { gesture: 'discount', size: 10 } },
      'deny',
      /requires loyalty tier gold or platinum; the customer is silver/,
    ],
    [
      'no consent',
      { customer: { ...claire, consent: { personalization: false } }, request: { gesture: 'discount', size: 10 } },
      'deny',
      /personalization consent/,
    ],
    ['an influence segment', { request: { gesture: 'expressShipping', size: 1 } }, 'allow', /maven-express/],
    [
      'not influential',
      { customer: plain, request: { gesture: 'expressShipping', size: 1 } },
      'deny',
      /influential customer \(maven\)/,
    ],
    [
      'a named person and lifetime value',
      { request: { gesture: 'refund', size: 15000 } },
      'allow',
      /big-spender-refund/,
    ],
    [
      'a low lifetime value',
      { customer: plain, request: { gesture: 'refund', size: 100 } },
      'deny',
      /at least €400.00; the customer's is €0.00/,
    ],
    [
      'a rule not yet in force',
      { request: { gesture: 'returnExtension', size: 14 } },
      'deny',
      /applies only from 2026-12-01/,
    ],
    [
      'a rule in force',
      { now: new Date('2026-12-10T10:00:00Z'), request: { gesture: 'returnExtension', size: 14 } },
      'allow',
      /14 days/,
    ],
    [
      'a rule that ended',
      { now: new Date('2026-12-31T23:30:00Z'), request: { gesture: 'returnExtension', size: 14 } },
      'deny',
      /ended on/,
    ],
    [
      'a policy expired',
      { now: new Date('2027-01-02T00:00:00Z'), request: { gesture: 'goodwill', size: 100 } },
      'deny',
      /expired on 2027-01-01/,
    ],
    [
      'a policy not yet in force',
      { now: new Date('2025-12-31T00:00:00Z'), request: { gesture: 'goodwill', size: 100 } },
      'deny',
      /only from/,
    ],
  ] as const)('%s', (_, over, decision, rule) => {
    const result = run(over as Parameters<typeof run>[0]);
    expect(result.decision).toBe(decision);
    expect(result.rule).toMatch(rule);
  });

  it('computes lifetime value in the policy currency, skipping cancelled orders and unknown currencies', () => {
    expect(lifetimeValue(claire, policy)).toBe(30000 + Math.round(15050 * 1.17));
  });
});

describe('policy evaluation: currencies', () => {
  it.each([
    ['a request in GBP is converted', { gesture: 'goodwill', size: 2500, currency: 'GBP' }, 'allow'],
    ['converted above the limit', { gesture: 'goodwill', size: 2600, currency: 'GBP' }, 'approval'],
    ['JPY has no minor unit', { gesture: 'goodwill', size: 4800, currency: 'JPY' }, 'allow'],
    ['JPY converted above the limit', { gesture: 'goodwill', size: 5000, currency: 'JPY' }, 'approval'],
    ['a currency without a rate', { gesture: 'goodwill', size: 100, currency: 'CHF' }, 'deny'],
  ] as const)('%s', (_, request, decision) => {
    expect(run({ request }).decision).toBe(decision);
  });

  it('counts past gestures given in another currency, and asks for approval when one cannot be counted', () => {
    expect(
      run({ request: { gesture: 'goodwill', size: 2000 }, history: [past({ size: 2000, currency: 'GBP' })] }).decision,
    ).toBe('allow');
    expect(
      run({ request: { gesture: 'goodwill', size: 2500 }, history: [past({ size: 2200, currency: 'GBP' })] }).decision,
    ).toBe('approval');
    const unknown = run({
      request: { gesture: 'goodwill', size: 100 },
      history: [past({ size: 100, currency: 'CHF' })],
    });
    expect(unknown.decision).toBe('approval');
    expect(unknown.rule).toMatch(/in CHF cannot be counted/);
  });
});

describe('policy evaluation: days in the policy time zone', () => {
  const agentHistory = (at: string) => [past({ customerId: 'x', agentId: 'usr_lea', size: 18000, at })];
  it.each([
    // Paris is UTC+1 in November: 23:30 UTC is already the next day there.
    ['23:30 UTC yesterday is today in Paris', '2026-11-19T23:30:00Z', '2026-11-20T10:00:00Z', 'approval'],
    ['22:59 UTC yesterday is yesterday in Paris', '2026-11-19T22:59:00Z', '2026-11-20T10:00:00Z', 'allow'],
    ['just before midnight in Paris, the same day', '2026-11-20T00:00:00Z', '2026-11-20T22:59:59Z', 'approval'],
    ['just after midnight in Paris, a new day', '2026-11-20T10:00:00Z', '2026-11-20T23:00:00Z', 'allow'],
    // Summer time: UTC+2.
    ['summer: 22:00 UTC is the next day', '2026-07-01T22:00:00Z', '2026-07-02T08:00:00Z', 'approval'],
  ] as const)('%s', (_, at, now, decision) => {
    const result = run({ now: new Date(now), request: { gesture: 'goodwill', size: 2500 }, history: agentHistory(at) });
    expect(result.decision).toBe(decision);
  });

  it('does calendar arithmetic across DST changes and month ends', () => {
    expect(dayKey(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(daysBefore('2026-03-30', 1)).toBe('2026-03-29');
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(dayKey(new Date('2026-11-20T04:00:00Z'), 'America/New_York')).toBe('2026-11-19');
  });
});

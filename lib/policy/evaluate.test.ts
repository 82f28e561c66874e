import { describe, expect, it } from 'vitest';
import { claire, hugo, past, plain, policy, run } from './evaluate.fixtures';
import { lifetimeValue } from './units';

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

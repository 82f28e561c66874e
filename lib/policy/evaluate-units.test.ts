import { describe, expect, it } from 'vitest';
import { past, run } from './evaluate.fixtures';
import { dayKey, daysBefore } from './units';

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

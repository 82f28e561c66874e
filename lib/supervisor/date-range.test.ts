import { describe, expect, it } from 'vitest';
import { daysOf, presetOf, presetRange, rangeInstants, startOfDay } from './date-range';

const paris = { now: new Date('2026-11-05T23:30:00Z'), timeZone: 'Europe/Paris' };

describe('date ranges in the policy time zone', () => {
  it('computes the presets from the zone’s today', () => {
    // 23:30 UTC is already the 6th in Paris.
    expect(presetRange('today', paris)).toEqual({ from: '2026-11-06', to: '2026-11-06' });
    expect(presetRange('7d', paris)).toEqual({ from: '2026-10-31', to: '2026-11-06' });
    expect(presetRange('30d', paris)).toEqual({ from: '2026-10-08', to: '2026-11-06' });
    expect(presetOf({ from: '2026-10-31', to: '2026-11-06' }, paris)).toBe('7d');
    expect(presetOf({ from: '2026-10-30', to: '2026-11-06' }, paris)).toBeUndefined();
  });

  it('finds where a day starts, across daylight saving changes', () => {
    expect(startOfDay('2026-11-05', 'Europe/Paris').toISOString()).toBe('2026-11-04T23:00:00.000Z');
    expect(startOfDay('2026-07-05', 'Europe/Paris').toISOString()).toBe('2026-07-04T22:00:00.000Z');
    expect(startOfDay('2026-03-29', 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Paris').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-11-05', 'America/New_York').toISOString()).toBe('2026-11-05T05:00:00.000Z');
    expect(startOfDay('2026-11-05', 'UTC').toISOString()).toBe('2026-11-05T00:00:00.000Z');
  });

  it('turns a range into the feed’s since and until, either way round', () => {
    const expected = { since: '2026-10-31T23:00:00.000Z', until: '2026-11-06T23:00:00.000Z' };
    expect(rangeInstants({ from: '2026-11-01', to: '2026-11-06' }, 'Europe/Paris')).toEqual(expected);
    expect(rangeInstants({ from: '2026-11-06', to: '2026-11-01' }, 'Europe/Paris')).toEqual(expected);
  });

  it('lists every day of a range, month ends included', () => {
    expect(daysOf({ from: '2026-10-30', to: '2026-11-02' })).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(daysOf({ from: '2020-01-01', to: '2026-01-01' })).toHaveLength(366);
  });
});

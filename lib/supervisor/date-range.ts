import { dayKey, daysBefore } from '../policy/units';

/** Calendar days, both included ("2026-11-01" to "2026-11-07"), in the policy's time zone: the days its limits count. */
export interface DayRange {
  from: string;
  to: string;
}

export const RANGE_PRESETS = ['today', '7d', '30d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const PRESET_DAYS: Record<RangePreset, number> = { today: 1, '7d': 7, '30d': 30 };

/** The last `n` days up to today, today included. */
export function presetRange(preset: RangePreset, options: { now: Date; timeZone: string }): DayRange {
  const to = dayKey(options.now, options.timeZone);
  return { from: daysBefore(to, PRESET_DAYS[preset] - 1), to };
}

/** The preset a range is, when it is one (for the pressed button). */
export function presetOf(range: DayRange, options: { now: Date; timeZone: string }): RangePreset | undefined {
  return RANGE_PRESETS.find((preset) => {
    const known = presetRange(preset, options);
    return known.from === range.from && known.to === range.to;
  });
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((one) => one.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in a time zone (twice corrected: the offset may change that very day). */
export function startOfDay(key: string, timeZone: string): Date {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, day);
  let instant = midnightUtc - offsetAt(midnightUtc, timeZone);
  instant = midnightUtc - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** The range as instants for the feed's filters: `since` the first day's start, `until` the day after the last's. */
export function rangeInstants(range: DayRange, timeZone: string): { since: string; until: string } {
  const [first, last] = range.from <= range.to ? [range.from, range.to] : [range.to, range.from];
  return {
    since: startOfDay(first, timeZone).toISOString(),
    until: startOfDay(daysBefore(last, -1), timeZone).toISOString(),
  };
}

/** Every day of the range, oldest first (a chart shows the days nothing was given too); at most `max` days. */
export function daysOf(range: DayRange, max = 366): string[] {
  const [first, last] = range.from <= range.to ? [range.from, range.to] : [range.to, range.from];
  const days: string[] = [];
  for (let day = first; day <= last && days.length < max; day = daysBefore(day, -1)) days.push(day);
  return days;
}

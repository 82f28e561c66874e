import { useId } from 'react';
import { filterStrings } from '@/lib/i18n/filters';
import { type DayRange, presetOf, presetRange, RANGE_PRESETS } from '@/lib/supervisor/date-range';
import { useLocale } from '../AppShell';

/** Days from one to another, both included, with presets (today, 7 and 30 days) a click away. */
export function DateRangeFilter({
  value,
  onChange,
  timeZone,
}: {
  value: DayRange;
  onChange: (range: DayRange) => void;
  /** The policy's zone: "today" is the company's day, the one its limits count. */
  timeZone: string;
}) {
  const f = filterStrings(useLocale());
  const id = useId();
  const now = { now: new Date(), timeZone };
  const current = presetOf(value, now);
  return (
    <fieldset className="date-range">
      <legend>{f.dates}</legend>
      <div className="presets">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className={preset === current ? undefined : 'secondary'}
            aria-pressed={preset === current}
            onClick={() => onChange(presetRange(preset, now))}
          >
            {f.presets[preset]}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{f.from}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={value.from}
          max={value.to}
          required
          onChange={(event) => event.target.value && onChange({ ...value, from: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{f.to}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={value.to}
          min={value.from}
          required
          onChange={(event) => event.target.value && onChange({ ...value, to: event.target.value })}
        />
      </div>
    </fieldset>
  );
}

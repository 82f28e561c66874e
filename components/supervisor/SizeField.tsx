import { useId } from 'react';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import { type Gesture, gestureUnit } from '@/lib/policy/schema';
import { sizeText } from '@/lib/supervisor/size-text';
import { useLocale } from '../AppShell';

/** The currency's symbol as the locale writes it: "€" for EUR in English and French. */
function currencySymbol(currency: string, locale: string): string {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** A gesture's size typed in its unit (an amount, a percentage, days); a count has none to type. */
export function SizeField({
  gesture,
  currency,
  value,
  onChange,
  invalid,
}: {
  gesture: Gesture;
  currency: string;
  value: string;
  onChange: (text: string) => void;
  invalid: boolean;
}) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const id = useId();
  const unit = gestureUnit[gesture];
  if (unit === 'count') return null;
  const label =
    unit === 'money' ? s.amount(currencySymbol(currency, locale)) : unit === 'percent' ? s.percent : s.daysLabel;
  const example = sizeText({ gesture, size: unit === 'money' ? 4500 : unit === 'percent' ? 10 : 30, currency, locale });
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-hint`} className="hint">
        {invalid ? s.badSize : s.sizeHint(example)}
      </span>
    </div>
  );
}

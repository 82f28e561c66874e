import { empowermentStrings } from '../i18n/empowerment';
import type { Locale } from '../i18n/strings';
import { type Gesture, gestureUnit } from '../policy/schema';
import { formatMoney } from '../policy/units';

/** A gesture's size as people read it: "€45.00", "10 %", "30 days"; a count (free shipping) has no size to show. */
export function sizeText(options: { gesture: Gesture; size: number; currency: string; locale: Locale }): string {
  const { gesture, size, currency, locale } = options;
  const unit = gestureUnit[gesture];
  if (unit === 'money') return formatMoney(size, currency, locale);
  if (unit === 'percent') return `${new Intl.NumberFormat(locale).format(size)} %`;
  if (unit === 'days') return `${size} ${empowermentStrings(locale).days.toLowerCase()}`;
  return '';
}

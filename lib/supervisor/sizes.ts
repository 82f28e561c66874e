import { type Gesture, gestureUnit } from '../policy/schema';
import { currencyDigits } from '../policy/units';

/**
 * A size as a person types it, in the gesture's unit: money as an amount of the currency ("45", "45.50", "45,50",
 * "€ 1 234,50"), a percentage or days as a whole number. Money comes back in minor units, which is what the policy
 * counts in; a count is always 1. Null when the text is not a positive size of that unit.
 */
export function parseSize(options: { gesture: Gesture; text: string; currency: string }): number | null {
  const { gesture, text, currency } = options;
  const unit = gestureUnit[gesture];
  if (unit === 'count') return 1;
  if (unit === 'money') return parseAmount(text, currency);
  const bare = text.replace(/[\s\u00a0\u202f%]|days?|jours?/gi, '');
  if (!/^\d{1,9}$/.test(bare)) return null;
  const whole = Number(bare);
  return whole > 0 ? whole : null;
}

/**
 * An amount of `currency` in minor units: "45" → 4500, "45,5" → 4550 (EUR). With both "." and "," the last one is the
 * decimal point; one kind repeated groups thousands; "1,234" alone could be either, and is refused rather than guessed.
 */
export function parseAmount(text: string, currency: string): number | null {
  // Currency signs and codes, and the spaces (plain, non-breaking, narrow) people and Intl put between thousands.
  const bare = text.replace(/[^\d.,-]/g, '');
  if (!/^\d[\d.,]*$/.test(bare)) return null;
  const digits = currencyDigits(currency);
  const marks = new Set(bare.replace(/\d/g, ''));
  const point = marks.size === 2 ? bare.at(Math.max(bare.lastIndexOf('.'), bare.lastIndexOf(','))) : undefined;
  const single = marks.size === 1 && bare.split(/[.,]/).length === 2;
  const decimalAt = point ? bare.lastIndexOf(point) : single ? bare.search(/[.,]/) : -1;
  const wholePart = decimalAt === -1 ? bare : bare.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : bare.slice(decimalAt + 1);
  if (single && fraction.length === 3 && digits < 3) return null;
  if (fraction.length > digits || !/^\d*$/.test(fraction)) return null;
  const [head = '', ...groups] = wholePart.split(/[.,]/);
  if (!/^\d{1,12}$/.test(head) || groups.some((group) => !/^\d{3}$/.test(group))) return null;
  const minor = Number(head + groups.join('')) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return minor > 0 && Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as the plain amount a form shows back for editing: 4550 → "45.50" (EUR). */
export function amountText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

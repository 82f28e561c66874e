import type { Customer } from '../feed/schema';
import { type Gesture, gestureUnit, type Policy } from './schema';

// Days in the policy's time zone, money in minor units: the arithmetic the evaluator needs, with Intl only.

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day ("2026-11-05") an instant falls on in a time zone. */
export function dayKey(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** The day `days` calendar days before a day key (calendar arithmetic: no DST surprises). */
export function daysBefore(key: string, days: number): string {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point of a currency (EUR 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined) return known;
  let digits: number;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  // Bounded, as the codes come from policies and requests; a formatter per call cost more than the evaluation.
  if (digitsByCurrency.size < 1_000) digitsByCurrency.set(currency, digits);
  return digits;
}

/** A decimal amount (as the feed's order totals are) in minor units. */
export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyDigits(currency));
}

/**
 * Minor units of `currency` in minor units of the policy's currency, or null when the policy has no rate for it.
 */
export function inPolicyCurrency(minor: number, currency: string | undefined, policy: Policy): number | null {
  if (!currency || currency === policy.currency) return minor;
  const rate = policy.rates?.[currency];
  if (rate === undefined) return null;
  const shift = currencyDigits(policy.currency) - currencyDigits(currency);
  return Math.round(minor * rate * 10 ** shift);
}

/** Sum of the customer's order totals in the policy's currency (orders in a currency without a rate are left out). */
export function lifetimeValue(customer: Customer, policy: Policy): number {
  let total = 0;
  for (const order of customer.orders ?? []) {
    if (/cancel/i.test(order.status)) continue;
    const minor = toMinor(order.total.amount, order.total.currency);
    total += inPolicyCurrency(minor, order.total.currency, policy) ?? 0;
  }
  return total;
}

/** A gesture's size in words, in English (the evaluator's rules are in English). */
export function formatSize(gesture: Gesture, size: number, currency: string): string {
  switch (gestureUnit[gesture]) {
    case 'money':
      return formatMoney(size, currency, 'en');
    case 'percent':
      return `${size}%`;
    case 'days':
      return `${size} ${size === 1 ? 'day' : 'days'}`;
    case 'count':
      return `${size}`;
  }
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    // Bounded, as the codes come from policies and requests.
    if (moneyFormats.size < 1_000) moneyFormats.set(key, format);
  }
  return format.format(minor / 10 ** currencyDigits(currency));
}

export const gestureNames: Record<Gesture, string> = {
  goodwill: 'a goodwill credit',
  discount: 'a discount',
  freeShipping: 'free shipping',
  expressShipping: 'free express shipping',
  returnExtension: 'a return-window extension',
  replacement: 'a replacement',
  refund: 'a refund',
};

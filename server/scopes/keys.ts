// The keys a customer's scope is decided on, taken from the validated record when it is written: its stores, the
// countries of its addresses and its latest online activity. Computed here rather than in SQL so that the database
// never has to parse the body: it stores and serves it as text.
import type { Customer } from '../../lib/feed/schema';

export interface ScopeKeys {
  stores: string[];
  /** Upper-case ISO 3166 alpha-2 codes. */
  countries: string[];
  /** Latest online activity (ISO 8601), null when there is none. */
  onlineAt: string | null;
}

/**
 * Latest online activity: a web or app order, a wishlist or recently viewed item; a non-empty cart (its items carry no
 * date) counts at the record's updatedAt.
 */
function latestOnlineActivity(customer: Customer): number | null {
  const dates: string[] = [];
  for (const order of customer.orders ?? []) {
    if (order.channel === 'web' || order.channel === 'app') dates.push(order.placedAt);
  }
  for (const item of customer.wishlist ?? []) dates.push(item.addedAt);
  for (const item of customer.recentlyViewed ?? []) dates.push(item.viewedAt);
  if (customer.cart?.length) dates.push(customer.updatedAt);
  let latest: number | null = null;
  for (const date of dates) {
    const at = Date.parse(date);
    if (latest === null || at > latest) latest = at;
  }
  return latest;
}

/** The scope keys of a customer, with activity dated after `now` counted as now (it must not last for ever). */
export function scopeKeysOf(customer: Customer, now: Date): ScopeKeys {
  const countries = (customer.addresses ?? []).flatMap((address) =>
    address.country ? [address.country.toUpperCase()] : [],
  );
  const latest = latestOnlineActivity(customer);
  return {
    stores: [...new Set(customer.stores ?? [])],
    countries: [...new Set(countries)],
    onlineAt: latest === null ? null : new Date(Math.min(latest, now.getTime())).toISOString(),
  };
}

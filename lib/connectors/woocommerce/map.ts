import { phoneIn } from '../phone';
import { metaExtras } from './meta';
import { mapOrder } from './orders';
import { gmtToIso, type WooAddress, type WooCustomer, type WooOrder, type WooRefund } from './wire';

/** Local ids of WooCommerce customers: `woo:` and the WordPress user id. */
export const ID_PREFIX = 'woo:';

export function localId(userId: number): string {
  return `${ID_PREFIX}${userId}`;
}

/** The WordPress user id behind a local id, or null for an id this connector did not make. */
export function userIdOf(id: string): number | null {
  if (!id.startsWith(ID_PREFIX)) return null;
  const userId = Number(id.slice(ID_PREFIX.length));
  return Number.isSafeInteger(userId) && userId > 0 ? userId : null;
}

export interface CustomerReading {
  customer: WooCustomer;
  /** The customer's most recent orders, newest first. */
  orders: WooOrder[];
  /** Refunds of those orders, by order id. */
  refunds: Map<number, WooRefund[]>;
}

/**
 * A feed v1 Customer from a WooCommerce customer (a WordPress user) and its recent orders. `version` is the read
 * time (http.ts, createReadClock). Contact fields are passed on as WooCommerce holds them, so a malformed one gets
 * the record quarantined with the reason; optional enrichments from meta are kept only when valid (meta.ts).
 */
export function mapCustomer({ customer, orders, refunds }: CustomerReading, version: number, readAt: Date): unknown {
  const billing = customer.billing ?? {};
  const shipping = customer.shipping ?? {};
  const given = nonEmpty(customer.first_name) ?? nonEmpty(billing.first_name) ?? '';
  const family = nonEmpty(customer.last_name) ?? nonEmpty(billing.last_name) ?? '';
  const emails = unique([customer.email, billing.email]);
  const phones = unique([phoneIn(billing.phone, billing.country), phoneIn(shipping.phone, shipping.country)]);
  const addresses = [addressOf('billing', billing), addressOf('shipping', shipping)].filter((a) => a !== undefined);
  const customerSince = gmtToIso(customer.date_created_gmt);
  return {
    id: localId(customer.id),
    version,
    updatedAt: gmtToIso(customer.date_modified_gmt) ?? customerSince ?? readAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(given || family ? { name: { given, family } } : {}),
    ...(emails.length > 0 ? { emails } : {}),
    ...(phones.length > 0 ? { phones } : {}),
    ...(addresses.length > 0 ? { addresses } : {}),
    ...(customerSince ? { customerSince } : {}),
    ...metaExtras(customer.meta_data),
    orders: orders.map((order) => mapOrder(order, refunds.get(order.id) ?? [])),
  };
}

/** An address worth showing: at least a street, a city, a postcode or a country (WooCommerce keeps empty strings). */
function addressOf(label: string, address: WooAddress): Record<string, string> | undefined {
  const line1 = [address.address_1, address.address_2].map(nonEmpty).filter(Boolean).join(', ');
  const city = nonEmpty(address.city);
  const postalCode = nonEmpty(address.postcode);
  // An unreadable country is left out rather than losing the customer: the city still tells namesakes apart.
  const country = nonEmpty(address.country);
  const validCountry = country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined;
  const phone = phoneIn(address.phone, address.country);
  if (!line1 && !city && !postalCode && !validCountry) return undefined;
  return {
    label,
    ...(line1 ? { line1 } : {}),
    ...(postalCode ? { postalCode } : {}),
    ...(city ? { city } : {}),
    ...(validCountry ? { country: validCountry } : {}),
    ...(phone ? { phone } : {}),
  };
}

function nonEmpty(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Distinct non-empty values; emails compared without case. */
function unique(values: unknown[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const value of values) {
    const text = nonEmpty(value);
    if (text === undefined || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    kept.push(text);
  }
  return kept;
}

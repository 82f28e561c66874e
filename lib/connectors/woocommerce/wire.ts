/**
 * WooCommerce REST API v3 records as documented (woocommerce.github.io/woocommerce-rest-api-docs, "Customers",
 * "Orders", "Refunds"). Only what Reconnu reads is typed; everything is optional because a site's plugins and
 * imported data can leave any field missing or of another type, and mapping must not throw on them.
 */

export interface WooMeta {
  id?: number;
  key?: string;
  /** Strings mostly; an array or object when the value was stored serialized. */
  value?: unknown;
}

export interface WooAddress {
  first_name?: string;
  last_name?: string;
  company?: string;
  address_1?: string;
  address_2?: string;
  city?: string;
  state?: string;
  postcode?: string;
  country?: string;
  email?: string;
  phone?: string;
}

export interface WooCustomer {
  id: number;
  date_created_gmt?: string | null;
  /** Null until WooCommerce first records a change (the `last_update` user meta). */
  date_modified_gmt?: string | null;
  email?: string;
  first_name?: string;
  last_name?: string;
  role?: string;
  billing?: WooAddress;
  shipping?: WooAddress;
  is_paying_customer?: boolean;
  meta_data?: WooMeta[];
}

export interface WooLineItem {
  id?: number;
  name?: string;
  product_id?: number;
  variation_id?: number;
  quantity?: number;
  sku?: string | null;
  price?: number | string;
  meta_data?: WooMeta[];
}

export interface WooOrder {
  id: number;
  /** A string; some order-number plugins send a number. */
  number?: string | number;
  created_via?: string;
  status?: string;
  currency?: string;
  date_created_gmt?: string | null;
  total?: string;
  customer_id?: number;
  billing?: WooAddress;
  line_items?: WooLineItem[];
  /** The order's refunds in summary: `{ id, reason, total }`, no quantities (those come from /orders/{id}/refunds). */
  refunds?: { id?: number; reason?: string; total?: string }[];
}

export interface WooRefund {
  id?: number;
  line_items?: WooLineItem[];
}

/** WooCommerce dates are ISO 8601 without an offset; the `_gmt` ones are UTC. */
export function gmtToIso(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
}

/** A `_gmt` date as epoch ms, or null when missing or unreadable. */
export function gmtToMs(value: unknown): number | null {
  const iso = gmtToIso(value);
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** `2026-03-01T10:00:00` (UTC, no offset): how `modified_after` is given with `dates_are_gmt=true`. */
export function msToGmt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function idOf(record: unknown): number | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

import type { Customer, Order } from '../../feed/schema';
import { phoneIn } from '../phone';

/** A Customer as the Admin API returns it for `customersQuery` (custom fields: those the shop defines). */
export interface VendureCustomer {
  id: string;
  createdAt: string;
  updatedAt: string;
  firstName: string;
  lastName: string;
  emailAddress: string;
  phoneNumber?: string | null;
  customFields?: Record<string, unknown> | null;
  addresses?: VendureAddress[] | null;
  orders?: { items: VendureOrder[] } | null;
}

interface VendureAddress {
  id: string;
  updatedAt: string;
  fullName?: string | null;
  company?: string | null;
  streetLine1?: string | null;
  streetLine2?: string | null;
  city?: string | null;
  postalCode?: string | null;
  phoneNumber?: string | null;
  country?: { code: string } | null;
}

interface VendureOrder {
  id: string;
  code: string;
  state: string;
  active: boolean;
  orderPlacedAt?: string | null;
  updatedAt: string;
  totalWithTax: number;
  currencyCode: string;
  shippingAddress?: { phoneNumber?: string | null; countryCode?: string | null } | null;
  lines: { quantity: number; unitPriceWithTax: number; productVariant?: { sku: string; name: string } | null }[];
}

export const localId = (vendureId: string) => `vendure:${vendureId}`;
export const vendureIdOf = (localCustomerId: string) =>
  localCustomerId.startsWith('vendure:') ? localCustomerId.slice('vendure:'.length) : null;

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';
const CONTACT_CHANNELS = ['email', 'sms', 'phone', 'none'] as const;

/**
 * One Vendure customer as a feed v1 record. Values are passed on as they are: one the feed schema refuses (a 6,000
 * character note, sizes that are not JSON) has the record quarantined with the reason, where the shop can fix it.
 */
export function mapCustomer(customer: VendureCustomer, version: number, precision: number): Customer {
  const custom = customer.customFields ?? {};
  const addresses = (customer.addresses ?? []).map(mapAddress);
  const orders = customer.orders?.items ?? [];
  const placed = orders.filter((order) => !order.active && present(order.orderPlacedAt));
  const cart = orders.find((order) => order.active);
  const stamps = [
    customer.updatedAt,
    ...(customer.addresses ?? []).map((a) => a.updatedAt),
    ...orders.map((o) => o.updatedAt),
  ];
  const record: Customer = {
    id: localId(customer.id),
    version,
    updatedAt: stamps.reduce((latest, stamp) => (Date.parse(stamp) > Date.parse(latest) ? stamp : latest)),
    name: { given: customer.firstName, family: customer.lastName },
    emails: present(customer.emailAddress) ? [customer.emailAddress] : [],
    phones: present(customer.phoneNumber) ? [customer.phoneNumber] : [],
    customerSince: customer.createdAt,
    addresses,
    orders: placed.map((order) => mapOrder(order, precision)),
  };
  if (cart && cart.lines.length > 0) {
    record.cart = cart.lines.map((line) => ({
      sku: line.productVariant?.sku ?? '',
      title: line.productVariant?.name ?? '',
      quantity: line.quantity,
    }));
  }
  const language = custom.preferredLanguage;
  if (typeof language === 'string' && present(language)) record.language = language;
  const loyalty = mapLoyalty(custom);
  if (loyalty) record.loyalty = loyalty;
  const preferences = mapPreferences(custom);
  if (preferences) record.preferences = preferences as Customer['preferences'];
  if (typeof custom.personalizationConsent === 'boolean') {
    record.consent = { personalization: custom.personalizationConsent };
  }
  return record;
}

function mapAddress(address: VendureAddress): NonNullable<Customer['addresses']>[number] {
  const line1 = [address.streetLine1, address.streetLine2].filter(present).join(', ');
  return {
    ...(present(address.company) ? { label: address.company } : {}),
    ...(line1 ? { line1 } : {}),
    ...(present(address.postalCode) ? { postalCode: address.postalCode } : {}),
    ...(present(address.city) ? { city: address.city } : {}),
    ...(address.country && /^[A-Za-z]{2}$/.test(address.country.code)
      ? { country: address.country.code.toUpperCase() }
      : {}),
    ...(present(address.phoneNumber) ? { phone: address.phoneNumber } : {}),
  };
}

/** Money from minor units (Vendure's integers) to major units, at the shop's precision (2 unless it changed it). */
export const toMajor = (minor: number, precision: number) => Number((minor / 10 ** precision).toFixed(precision));

/**
 * An address's phone stays as typed beside the address's country (the store reads it there); an order has no
 * country in the feed, so its shipping phone is made international with the shipping address's country.
 */
function mapOrder(order: VendureOrder, precision: number): Order {
  const phone = phoneIn(order.shippingAddress?.phoneNumber, order.shippingAddress?.countryCode);
  return {
    id: localId(`order:${order.id}`),
    number: order.code,
    placedAt: order.orderPlacedAt as string,
    channel: 'web',
    status: statusOf(order.state),
    total: { amount: toMajor(order.totalWithTax, precision), currency: order.currencyCode },
    lines: order.lines.map((line) => ({
      sku: line.productVariant?.sku ?? '',
      title: line.productVariant?.name ?? '',
      quantity: line.quantity,
      unitPrice: toMajor(line.unitPriceWithTax, precision),
    })),
    ...(phone ? { phone } : {}),
  };
}

function mapLoyalty(custom: Record<string, unknown>): Customer['loyalty'] | undefined {
  const { loyaltyTier: tier, loyaltyPoints: points, loyaltyCard: card } = custom;
  if (!(typeof tier === 'string' && present(tier)) && typeof points !== 'number') return undefined;
  return {
    tier: typeof tier === 'string' ? tier : '',
    points: typeof points === 'number' ? points : 0,
    ...(typeof card === 'string' && present(card) ? { card } : {}),
  };
}

function mapPreferences(custom: Record<string, unknown>): Record<string, unknown> | undefined {
  const preferences: Record<string, unknown> = {};
  if (typeof custom.sizes === 'string' && present(custom.sizes)) preferences.sizes = parseSizes(custom.sizes);
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && present(item)) : [];
  if (list(custom.preferredBrands).length) preferences.brands = list(custom.preferredBrands);
  if (list(custom.preferredCategories).length) preferences.categories = list(custom.preferredCategories);
  const channel = custom.contactChannel;
  if (typeof channel === 'string' && present(channel)) {
    const known = CONTACT_CHANNELS.find((value) => value === channel.trim().toLowerCase());
    preferences.channel = known ?? channel;
  }
  if (typeof custom.notes === 'string' && present(custom.notes)) preferences.notes = custom.notes;
  return Object.keys(preferences).length ? preferences : undefined;
}

/**
 * Sizes are one text field: a JSON object ({"haut":"M","chaussures":"42"}) or "haut: M; chaussures: 42". Anything
 * else is passed as it is, so the record is quarantined with the reason rather than shown without its sizes.
 */
export function parseSizes(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(Object.entries(parsed).map(([garment, size]) => [garment, String(size)]));
      }
    } catch {
      return text;
    }
    return text;
  }
  const pairs = trimmed.split(/[;\n]/).map((pair) => pair.split(/[:=]/).map((part) => part.trim()));
  if (pairs.every((pair) => pair.length === 2 && pair[0] && pair[1])) return Object.fromEntries(pairs);
  return text;
}

/** Vendure's order states are code names (PaymentSettled, PartiallyDelivered): staff read them as words. */
export function statusOf(state: string): string {
  if (state === 'PaymentSettled') return 'paid';
  return state
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

import type { Customer } from '../../feed/schema';
import { mapOrder, recentOrders } from './map-order';
import type { AddressNode, CustomerNode } from './nodes';
import type { MetafieldKey } from './queries';

/*
 * A Shopify customer as a feed v1 Customer. Identity fields (id, updatedAt, emails, phones) are passed as Shopify
 * sent them, so a broken one gets the record quarantined with the schema's reason. Descriptive extras (language,
 * country, sizes, loyalty) that cannot be read are left out instead: the customer still lands with what is valid.
 *
 * Metafields, namespace `reconnu`:
 *   sizes                    json, e.g. {"shoes":"42","tops":"M"}        → preferences.sizes
 *   brands, categories       list.single_line_text_field (or "a, b")     → preferences.brands / categories
 *   channel                  email | sms | phone | none                  → preferences.channel
 *   notes                    multi_line_text_field                       → preferences.notes (else the customer note)
 *   loyalty_tier             single_line_text_field                      → loyalty.tier
 *   loyalty_points           number_integer                              → loyalty.points
 *   loyalty_card             single_line_text_field                      → loyalty.card
 *   personalization_consent  boolean                                     → consent.personalization
 * Tags: `vip` gives the tier "VIP" when no loyalty_tier is set; `no-personalization` refuses personalization when
 * the metafield is not set; `store:<name>` lists the customer's stores.
 * Without a channel metafield, a subscription to email (then SMS) marketing suggests that channel. Marketing consent
 * is not personalization consent: with neither metafield nor tag, consent is left unset (not refused).
 */

const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;
const CHANNELS = ['email', 'sms', 'phone', 'none'] as const;

function metafield(node: CustomerNode, key: MetafieldKey): string | undefined {
  const value = node[`mf_${key}`]?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A list metafield's JSON array, or comma-separated text; entries that do not fit are left out. */
function listOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parsed = value.startsWith('[') ? parseJson(value) : value.split(',');
  if (!Array.isArray(parsed)) return undefined;
  const items = parsed.map((item) => String(item).trim()).filter((item) => item !== '' && item.length <= 100);
  return items.length > 0 ? items.slice(0, 100) : undefined;
}

function sizesOf(value: string | undefined): Record<string, string> | undefined {
  const parsed = value === undefined ? undefined : parseJson(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const sizes = Object.entries(parsed)
    .filter(([key, size]) => key.length <= 100 && (typeof size === 'string' || typeof size === 'number'))
    .map(([key, size]) => [key, String(size)] as const)
    .filter(([, size]) => size.length <= 50)
    .slice(0, 50);
  return sizes.length > 0 ? Object.fromEntries(sizes) : undefined;
}

function pointsOf(value: string | undefined): number | undefined {
  const points = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(points) && points >= 0 && points <= 1e9 ? points : undefined;
}

function mapAddress(address: AddressNode): NonNullable<Customer['addresses']>[number] {
  const country = address.countryCodeV2;
  return {
    ...(address.address1 ? { line1: address.address1.slice(0, 200) } : {}),
    ...(address.zip ? { postalCode: address.zip.slice(0, 20) } : {}),
    ...(address.city ? { city: address.city.slice(0, 100) } : {}),
    ...(country && /^[A-Za-z]{2}$/.test(country) ? { country } : {}),
    ...(address.phone ? { phone: address.phone } : {}),
  };
}

function channelOf(node: CustomerNode): NonNullable<Customer['preferences']>['channel'] {
  const chosen = metafield(node, 'channel')?.toLowerCase();
  const known = CHANNELS.find((channel) => channel === chosen);
  if (known) return known;
  if (node.defaultEmailAddress?.marketingState === 'SUBSCRIBED') return 'email';
  if (node.defaultPhoneNumber?.marketingState === 'SUBSCRIBED') return 'sms';
  return undefined;
}

function preferencesOf(node: CustomerNode): Customer['preferences'] {
  const notes = (metafield(node, 'notes') ?? node.note?.trim())?.slice(0, 5_000);
  const preferences = {
    sizes: sizesOf(metafield(node, 'sizes')),
    brands: listOf(metafield(node, 'brands')),
    categories: listOf(metafield(node, 'categories')),
    channel: channelOf(node),
    notes: notes || undefined,
  };
  const present = Object.entries(preferences).filter(([, value]) => value !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as Customer['preferences']) : undefined;
}

function loyaltyOf(node: CustomerNode, tags: string[]): Customer['loyalty'] {
  const tier = metafield(node, 'loyalty_tier')?.slice(0, 100) ?? (tags.includes('vip') ? 'VIP' : undefined);
  const points = pointsOf(metafield(node, 'loyalty_points'));
  if (tier === undefined && points === undefined) return undefined;
  const card = metafield(node, 'loyalty_card');
  return { tier: tier ?? '', points: points ?? 0, ...(card ? { card } : {}) };
}

function consentOf(node: CustomerNode, tags: string[]): Customer['consent'] {
  const given = metafield(node, 'personalization_consent');
  if (given === 'true' || given === 'false') return { personalization: given === 'true' };
  return tags.includes('no-personalization') ? { personalization: false } : undefined;
}

export function mapCustomer(node: CustomerNode, version: number): Customer {
  const rawTags = Array.isArray(node.tags) ? node.tags.filter((tag) => typeof tag === 'string') : [];
  const tags = rawTags.map((tag) => tag.trim().toLowerCase());
  const given = node.firstName?.trim() ?? '';
  const family = node.lastName?.trim() ?? '';
  const email = node.defaultEmailAddress?.emailAddress;
  const phone = node.defaultPhoneNumber?.phoneNumber;
  const stores = rawTags
    .filter((tag) => tag.trim().toLowerCase().startsWith('store:'))
    .map((tag) => tag.trim().slice('store:'.length).trim())
    .filter((store) => store !== '' && store.length <= 100);
  const customer: Customer = {
    id: node.id as string,
    version,
    updatedAt: node.updatedAt as string,
    ...(given || family ? { name: { given: given.slice(0, 200), family: family.slice(0, 200) } } : {}),
    ...(email ? { emails: [email] } : {}),
    ...(phone ? { phones: [phone] } : {}),
    ...(node.locale && LANGUAGE.test(node.locale) && node.locale.length <= 35 ? { language: node.locale } : {}),
    loyalty: loyaltyOf(node, tags),
    preferences: preferencesOf(node),
    orders: recentOrders(node.orders?.nodes ?? []).map(mapOrder),
    consent: consentOf(node, tags),
    ...(stores.length > 0 ? { stores: stores.slice(0, 100) } : {}),
    ...(node.createdAt ? { customerSince: node.createdAt } : {}),
    addresses: (node.addresses ?? []).slice(0, 50).map(mapAddress),
  };
  // Optional parts left undefined are dropped, so the record says only what Shopify holds.
  return Object.fromEntries(Object.entries(customer).filter(([, value]) => value !== undefined)) as Customer;
}

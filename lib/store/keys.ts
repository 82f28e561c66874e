import type { Customer } from '../feed/schema';
import { normalizeCard, normalizeEmail, normalizeOrderNumber } from '../identifiers/normalize';
import { getDefaultRegion, normalizePhone } from '../identifiers/phone';
import { customerNameTokens } from '../search/text';
import { type StoredPhone, storedPhones } from './phone-regions';

/** The kinds of identifier a customer can be looked up by. */
export type IdentifierKind = 'id' | 'email' | 'phone' | 'card' | 'order';

const prefixes: Record<IdentifierKind, string> = { id: 'i:', email: 'e:', phone: 'p:', card: 'c:', order: 'o:' };
const normalizers: Record<IdentifierKind, (raw: string) => string | null> = {
  id: (raw) => raw || null,
  email: normalizeEmail,
  phone: (raw) => normalizePhone(raw),
  card: normalizeCard,
  order: normalizeOrderNumber,
};

/** The index key for a raw identifier, or null when it cannot be normalized. */
export function lookupKey(kind: IdentifierKind, raw: string): string | null {
  const normalized = normalizers[kind](raw);
  return normalized === null ? null : prefixes[kind] + normalized;
}

export function idKey(id: string): string {
  return prefixes.id + id;
}

/**
 * The index key of a customer's stored phone, read in the country it belongs to (see storedPhones). A number that
 * is no number of that country ("06 12 34 56 78" on a Belgian delivery address) is read in the default region, as
 * every stored number was before addresses counted: its only valid reading, not a guess between two.
 */
export function storedPhoneKey(phone: StoredPhone): string | null {
  const fallback = getDefaultRegion();
  const normalized =
    normalizePhone(phone.raw, phone.region) ?? (phone.region === fallback ? null : normalizePhone(phone.raw, fallback));
  return normalized === null ? null : prefixes.phone + normalized;
}

interface Analyzed {
  region: string;
  keys: string[];
  unindexable: StoredPhone[];
}

/**
 * Keys of customers already analyzed: validation (lib/sync/validate.ts) computes them as a page arrives, while the
 * previous page is being written, and packing the page reads them here instead of normalizing every identifier
 * (phones above all) a second time. Keyed by the customer object (feed records are parsed once, never changed, so
 * the countries of their addresses cannot change either) and by the default region, which phones fall back to.
 */
const analyzed = new WeakMap<Customer, Analyzed>();

function analyze(customer: Customer): Analyzed {
  const region = getDefaultRegion();
  const known = analyzed.get(customer);
  if (known?.region === region) return known;
  const keys = new Set<string>([idKey(customer.id)]);
  const add = (kind: IdentifierKind, raw: string | undefined) => {
    const key = raw === undefined ? null : lookupKey(kind, raw);
    if (key) keys.add(key);
    return key;
  };
  for (const email of customer.emails ?? []) add('email', email);
  const unindexable: StoredPhone[] = [];
  const phoneKeys = storedPhones(customer).flatMap((phone) => {
    const key = storedPhoneKey(phone);
    if (key === null) unindexable.push(phone);
    else keys.add(key);
    return key ?? [];
  });
  add('card', customer.loyalty?.card);
  for (const order of customer.orders ?? []) add('order', order.number);
  const tokens = customerNameTokens(customer);
  const full = tokens.join(' ');
  for (const token of tokens) keys.add(`n:${token}#${full}#${customer.id}`);
  for (const key of phoneKeys) keys.add(`t:${[...key.slice(3)].reverse().join('')}#${customer.id}`); // "p:+…"
  const result = { region, keys: [...keys], unindexable };
  analyzed.set(customer, result);
  return result;
}

/**
 * Every index key of a customer; the segment that holds it indexes all of them (multiEntry). Lookup keys (`i:`,
 * `e:`, `p:`, `c:`, `o:`) are followed by the side panel's search keys: `n:<name token>#<full name>#<id>` carries what
 * ranking needs, so a range scan of the index alone says who matches and how well, and `t:<E.164 digits reversed>#<id>`
 * finds a phone by its last digits (a prefix of the reversed number). Every key costs sync time, so typos are handled
 * at query time, not indexed.
 */
export function customerKeys(customer: Customer): string[] {
  return analyze(customer).keys;
}

/** Every phone a customer can call from, as written: their own, their addresses', and the ones given with orders. */
export function allPhones(customer: Customer): string[] {
  return storedPhones(customer).map((phone) => phone.raw);
}

/**
 * Phones that are present but cannot be indexed, with the country they were read in: reported as sync issues
 * rather than silently dropped.
 */
export function unindexablePhones(customer: Customer): StoredPhone[] {
  return analyze(customer).unindexable;
}

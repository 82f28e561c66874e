import type { Customer } from '../feed/schema';
import { normalizeCard, normalizeEmail, normalizeOrderNumber } from '../identifiers/normalize';
import { getDefaultRegion, normalizePhone } from '../identifiers/phone';
import { customerNameTokens } from '../search/text';

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

interface Analyzed {
  region: string;
  keys: string[];
  unindexable: string[];
}

/**
 * Keys of customers already analyzed: validation (lib/sync/validate.ts) computes them as a page arrives, while the
 * previous page is being written, and packing the page reads them here instead of normalizing every identifier
 * (phones above all) a second time. Keyed by the customer object (feed records are parsed once, never changed) and
 * by the default region phones were read in.
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
  const unindexable: string[] = [];
  const phoneKeys = allPhones(customer).flatMap((phone) => {
    const key = add('phone', phone);
    if (key === null) unindexable.push(phone);
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

/** Every phone a customer can call from: their own, their addresses', and the ones given with their orders. */
export function allPhones(customer: Customer): string[] {
  const phones = [...(customer.phones ?? [])];
  for (const address of customer.addresses ?? []) if (address.phone) phones.push(address.phone);
  for (const order of customer.orders ?? []) if (order.phone) phones.push(order.phone);
  return phones;
}

/** Phones that are present but cannot be indexed, reported as sync issues rather than silently dropped. */
export function unindexablePhones(customer: Customer): string[] {
  return analyze(customer).unindexable;
}

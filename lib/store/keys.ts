import type { Customer } from '../feed/schema';
import { normalizeCard, normalizeEmail, normalizeOrderNumber } from '../identifiers/normalize';
import { normalizePhone } from '../identifiers/phone';
import { nameTokens } from '../search/text';

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

/** Every index key of a customer; the segment that holds it indexes all of them (multiEntry). */
export function customerKeys(customer: Customer): string[] {
  const keys = new Set<string>([idKey(customer.id)]);
  const add = (kind: IdentifierKind, raw: string | undefined) => {
    const key = raw === undefined ? null : lookupKey(kind, raw);
    if (key) keys.add(key);
  };
  for (const email of customer.emails ?? []) add('email', email);
  for (const phone of allPhones(customer)) add('phone', phone);
  add('card', customer.loyalty?.card);
  for (const order of customer.orders ?? []) add('order', order.number);
  for (const key of searchKeys(customer)) keys.add(key);
  return [...keys];
}

/**
 * Keys for the side panel's search. Each carries what ranking needs (the customer's folded full name) and ends with
 * the customer id, so a range scan of the index alone says who matches and how well, without reading one customer:
 * `n:<name token>#<full name>#<id>` and `t:<phone digits reversed>#<id>` (a phone found by its last digits is a
 * prefix of the reversed number). Every key costs sync time, so typos are handled at query time, not indexed.
 */
export function searchKeys(customer: Customer): string[] {
  const keys: string[] = [];
  const name = customer.name;
  const tokens = [...new Set(nameTokens([name?.given, name?.family, name?.preferred].filter(Boolean).join(' ')))];
  const full = tokens.join(' ');
  for (const token of tokens) keys.push(`n:${token}#${full}#${customer.id}`);
  for (const phone of allPhones(customer)) {
    const key = lookupKey('phone', phone);
    if (key) keys.push(`t:${[...key.slice(3)].reverse().join('')}#${customer.id}`);
  }
  return keys;
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
  return allPhones(customer).filter((phone) => lookupKey('phone', phone) === null);
}

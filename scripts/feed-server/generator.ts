// Deterministic customers: customer i at version v depends only on (seed, i, v), never on other customers or the clock.
import type { Customer } from '../../lib/feed/schema';
import {
  advanceOrders,
  cartFor,
  cartItem,
  DATASET_END,
  DAY,
  HOUR,
  iso,
  orderFor,
  ordersFor,
  preferencesFor,
  recentlyViewedFor,
  wishlistFor,
} from './activity';
import { catalog, storesByCountry } from './catalog';
import { asciiSlug, customerIdentity, nicknames } from './identity';
import { formatPhone, frenchPhone, type PhoneNumber, primaryPhone } from './phones';
import { createRandom, type Random, uniqueDigits } from './random';

export { DATASET_END } from './activity';
export { customerCity, isHouseholdPartner, isNamesake } from './identity';

/** "cus_0000042": zero-padded so that lexicographic order is index order (up to 10 million customers). */
export function customerId(index: number): string {
  return `cus_${String(index).padStart(7, '0')}`;
}

/** Inverse of customerId; undefined for ids this generator does not make. */
export function customerIndex(id: string): number | undefined {
  const match = /^cus_(\d{7,})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** Landline shared by the household of customer `headIndex` (its head lists it first, its partner second). */
function householdPhone(seed: string, headIndex: number): PhoneNumber {
  return frenchPhone(seed, headIndex, createRandom(seed, 'household', headIndex).pick(['1', '2', '3', '4', '5']));
}

function phonesFor(seed: string, index: number, country: 'FR' | 'BE' | 'CH', random: Random): string[] {
  const phones: PhoneNumber[] = [];
  if (index % 40 === 0) phones.push(householdPhone(seed, index));
  else if (random.chance(0.96)) phones.push(primaryPhone(seed, index, country, random));
  if (index % 40 === 1) phones.push(householdPhone(seed, index - 1));
  else if (random.chance(0.2)) phones.push(frenchPhone(seed, index, '9'));
  return phones.map((phone) => formatPhone(phone, random));
}

const emailPatterns: readonly ((first: string, last: string) => string)[] = [
  (first, last) => `${first}.${last}`,
  (first, last) => `${first[0]}${last}`,
  (first, last) => `${first}${last}`,
  (first, last) => `${last}.${first}`,
  (first, last) => `${first}_${last}`,
  (first, last) => `${first}.${last[0]}`,
];
const patternSlots = emailPatterns.map((_, slot) => slot);

/**
 * Unique by construction: customers are taken in blocks of six, each gets a different pattern within its block
 * (shuffled per block), and the block number is the numeric suffix. Same name → different local part.
 */
function emailsFor(
  seed: string,
  index: number,
  given: string,
  family: string,
  domains: readonly string[],
  random: Random,
) {
  const first = asciiSlug(given);
  const last = asciiSlug(family);
  const block = Math.floor(index / emailPatterns.length);
  const slot = createRandom(seed, 'email-block', block).sample(patternSlots, emailPatterns.length)[
    index % emailPatterns.length
  ];
  const local = `${emailPatterns[slot ?? 0]?.(first, last)}${block > 0 ? block : ''}`;
  const domain = random.pick(domains);
  const emails = [`${local}@${domain}`];
  if (domain !== 'example.org' && random.chance(0.06)) emails.push(`${local}@example.org`);
  return emails;
}

function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

function loyaltyFor(seed: string, index: number, random: Random): Customer['loyalty'] {
  if (random.chance(0.1)) return undefined;
  const tier = random.weighted(tiers);
  const [low, high] = pointRanges[tier];
  return { tier, points: random.int(low, high), card: loyaltyCard(seed, index) };
}

const tiers = [
  ['bronze', 55],
  ['silver', 28],
  ['gold', 13],
  ['platinum', 4],
] as const;
const pointRanges = {
  bronze: [0, 999],
  silver: [1000, 2999],
  gold: [3000, 7999],
  platinum: [8000, 20000],
} as const satisfies Record<string, readonly [number, number]>;

/** EAN-13 in the in-store range (prefix 2), unique per customer index. */
function loyaltyCard(seed: string, index: number): string {
  return ean13(`27${uniqueDigits(`${seed}/card`, index, 10)}`);
}

function influenceFor(random: Random): Customer['influence'] {
  if (!random.chance(0.03)) return undefined;
  if (random.chance(0.6)) return { segment: 'connector', followers: Math.round(5000 * 80 ** random.next()) };
  return { segment: 'maven', followers: random.int(50, 3000), reviews: random.int(25, 600) };
}

function baseCustomer(seed: string, index: number): Customer {
  const random = createRandom(seed, 'customer', index);
  const who = customerIdentity(seed, index);
  const pool = who.pool;
  const sinceMs = DATASET_END - random.int(20, 3650) * DAY - random.int(0, DAY - 1);
  const orders = ordersFor(index, sinceMs, random);
  const lastActivity = Math.max(sinceMs, ...orders.map((order) => Date.parse(order.placedAt)));
  const updatedMs = Math.min(DATASET_END - 60_000, lastActivity + random.int(0, 36 * HOUR));
  const nickname = nicknames[who.given];
  const homeStores = storesByCountry[pool.country];
  const stores = random.chance(0.1) ? [] : [who.store];
  if (random.chance(0.12)) stores.push(random.pick(homeStores)[1]);
  const customer: Customer = {
    id: customerId(index),
    version: 1,
    updatedAt: iso(updatedMs),
    name: { given: who.given, family: who.family },
    emails: emailsFor(seed, index, who.given, who.family, pool.emailDomains, random),
    phones: phonesFor(seed, index, pool.country, random),
    language: who.language,
    loyalty: loyaltyFor(seed, index, random),
    preferences: random.chance(0.92) ? preferencesFor(who.gender, random) : undefined,
    wishlist: nonEmpty(wishlistFor(random, updatedMs)),
    recentlyViewed: nonEmpty(recentlyViewedFor(random, updatedMs)),
    cart: nonEmpty(cartFor(random)),
    orders: nonEmpty(orders),
    consent: { personalization: !random.chance(0.15) },
    influence: influenceFor(random),
    stores: nonEmpty([...new Set(stores)]),
    customerSince: iso(sinceMs),
    addresses: [{ label: 'home', city: who.city, country: pool.country }],
  };
  if (customer.name && nickname && random.chance(0.4)) customer.name.preferred = nickname;
  return customer;
}

/** One visible change per version: later updatedAt, new points, and sometimes an order, a name or a cart change. */
function applyVersion(seed: string, index: number, customer: Customer, version: number): Customer {
  const random = createRandom(seed, 'version', index, version);
  const updatedMs = DATASET_END + (version - 1) * 6 * HOUR + random.int(0, 5 * HOUR);
  const next: Customer = { ...customer, version, updatedAt: iso(updatedMs) };
  const points = random.int(15, 300);
  next.loyalty = customer.loyalty
    ? { ...customer.loyalty, points: customer.loyalty.points + points }
    : { tier: 'bronze', points, card: loyaltyCard(seed, index) };
  let orders = advanceOrders(customer.orders ?? [], random);
  if (version <= 9 && random.chance(0.4)) {
    const placedAt = updatedMs - random.int(2, 120) * 60_000;
    orders = [orderFor(index, 6 + version, placedAt, 'processing', random, 'web'), ...orders].slice(0, 8);
  }
  next.orders = nonEmpty(orders);
  const nickname = customer.name && nicknames[customer.name.given];
  if (customer.name && nickname && random.chance(0.3)) {
    const { preferred, ...name } = customer.name;
    next.name = preferred ? name : { ...name, preferred: nickname };
  } else if (random.chance(0.5)) {
    next.cart = random.chance(0.3)
      ? undefined
      : [...(customer.cart ?? []).slice(0, 4), cartItem(random.pick(catalog), random)];
  }
  return next;
}

export function generateCustomer(seed: string, index: number, version = 1): Customer {
  let customer = baseCustomer(seed, index);
  for (let v = 2; v <= version; v++) customer = applyVersion(seed, index, customer, v);
  return customer;
}

/** Empty lists are left out of the JSON (undefined properties are not serialized), as a real API would. */
function nonEmpty<T>(items: T[] | undefined): T[] | undefined {
  return items && items.length > 0 ? items : undefined;
}

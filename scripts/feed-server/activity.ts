// What a customer does online and in store: preferences, wishlist, recently viewed, cart and orders.
import type { Customer, Order } from '../../lib/feed/schema';
import { brands, catalog, categories, customerNotes, type Product, pastStatuses, recentStatuses } from './catalog';
import type { Gender } from './names';
import type { Random } from './random';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The dataset's "now": every generated date of a version-1 record is before it. */
export const DATASET_END = Date.UTC(2026, 10, 1);
const THREE_YEARS = 3 * 365 * DAY;

const dayPrefixes = new Map<number, string>();
const two = (value: number) => (value < 10 ? `0${value}` : `${value}`);

/** ISO 8601 to the second, UTC: "2026-03-14T03:49:03Z" (day prefixes cached: this runs ~10 times per record). */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((ms - day * DAY) / 1000);
  return `${prefix}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}Z`;
}
const roundCents = (amount: number) => Math.round(amount * 100) / 100;

type Items = NonNullable<Customer['wishlist']>;

export function preferencesFor(gender: Gender, random: Random): Customer['preferences'] {
  const letterSizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
  const frenchSizes =
    gender === 'f' ? ['34', '36', '38', '40', '42', '44', '46'] : ['38', '40', '42', '44', '46', '48'];
  const shoes = gender === 'f' ? random.int(35, 42) : random.int(39, 47);
  const sizes: Record<string, string> = {
    top: random.chance(0.5) ? random.pick(letterSizes) : random.pick(frenchSizes),
    bottom: random.pick(frenchSizes),
    shoes: String(shoes),
  };
  if (random.chance(0.15)) sizes.enfant = random.pick(['3 ans', '4 ans', '6 ans', '8 ans', '10 ans', '12 ans']);
  const preferences: NonNullable<Customer['preferences']> = {
    sizes,
    brands: random.sample(brands, random.int(1, 2)),
    categories: random.sample(categories, random.int(1, 2)),
    channel: random.weighted(contactChannels),
  };
  if (random.chance(0.1)) preferences.notes = random.pick(customerNotes);
  return preferences;
}

/** Weights of 0, 1, 2… items. */
const wishlistSizes = [65, 17, 9, 5, 3, 1];
const viewedSizes = [60, 18, 10, 7, 3, 2];
const cartSizes = [72, 14, 7, 4, 2, 1];
const orderCounts = [42, 28, 12, 7, 4, 3, 2, 1, 1];
/** Weights of 1, 2, 3 lines per order. */
const lineCountWeights = [80, 17, 3];
const contactChannels = [
  ['email', 50],
  ['sms', 25],
  ['phone', 10],
  ['none', 15],
] as const;
const orderChannels = [
  ['web', 55],
  ['store', 30],
  ['app', 10],
  ['phone', 5],
] as const;

export function wishlistFor(random: Random, endMs: number): Items {
  return random
    .sample(catalog, random.weightedIndex(wishlistSizes))
    .map((product) => ({ sku: product.sku, title: product.title, addedAt: iso(endMs - random.int(1, 365) * DAY) }));
}

export function recentlyViewedFor(random: Random, endMs: number): NonNullable<Customer['recentlyViewed']> {
  return random
    .sample(catalog, random.weightedIndex(viewedSizes))
    .map((product) => ({
      sku: product.sku,
      title: product.title,
      viewedAt: iso(endMs - random.int(1, 30 * 24) * HOUR),
    }))
    .sort((a, b) => b.viewedAt.localeCompare(a.viewedAt));
}

export function cartItem(product: Product, random: Random): NonNullable<Customer['cart']>[number] {
  return { sku: product.sku, title: product.title, quantity: random.chance(0.9) ? 1 : 2 };
}

export function cartFor(random: Random): NonNullable<Customer['cart']> {
  return random.sample(catalog, random.weightedIndex(cartSizes)).map((product) => cartItem(product, random));
}

export function orderNumber(index: number, slot: number): string {
  return `FR-${1_000_000 + index * 16 + slot}`;
}

export function orderFor(
  index: number,
  slot: number,
  placedAtMs: number,
  status: string,
  random: Random,
  channel?: Order['channel'],
): Order {
  const products = random.sample(catalog, 1 + random.weightedIndex(lineCountWeights));
  const lines: Order['lines'] = products.map((product) => {
    const onSale = random.chance(0.15);
    return {
      sku: product.sku,
      title: product.title,
      quantity: random.chance(0.88) ? 1 : random.int(2, 3),
      unitPrice: onSale ? roundCents(product.price * 0.7) : product.price,
    };
  });
  if (status === 'returned') for (const line of lines) line.returned = line.quantity;
  if (status === 'partially_returned') (lines[0] as Order['lines'][number]).returned = 1;
  const number = orderNumber(index, slot);
  return {
    id: `ord_${number.slice(3)}`,
    number,
    placedAt: iso(placedAtMs),
    channel: channel ?? random.weighted(orderChannels),
    status,
    total: {
      amount: roundCents(lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0)),
      currency: 'EUR',
    },
    lines,
  };
}

/** Version-1 order history: 0–8 orders placed over the three years before the dataset end, newest first. */
export function ordersFor(index: number, sinceMs: number, random: Random): Order[] {
  const count = random.weightedIndex(orderCounts);
  const start = Math.max(sinceMs, DATASET_END - THREE_YEARS);
  const dates = Array.from({ length: count }, () => start + random.next() * (DATASET_END - HOUR - start))
    .map(Math.floor)
    .sort((a, b) => a - b);
  return dates
    .map((placedAt, slot) => {
      const recent = DATASET_END - placedAt < 14 * DAY;
      let status = random.weighted(recent ? recentStatuses : pastStatuses);
      const order = orderFor(index, slot, placedAt, status, random);
      if (order.channel === 'store' && status !== 'returned' && status !== 'partially_returned') {
        status = 'delivered';
      }
      return { ...order, status };
    })
    .reverse();
}

const nextStatus: Readonly<Record<string, string>> = {
  processing: 'shipped',
  shipped: 'delivered',
  ready_for_pickup: 'delivered',
};

/** Moves open orders one step forward (processing → shipped → delivered). */
export function advanceOrders(orders: Order[], random: Random): Order[] {
  return orders.map((order) => {
    const status = nextStatus[order.status];
    return status && random.chance(0.5) ? { ...order, status } : order;
  });
}

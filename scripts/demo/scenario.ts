import type { Customer, Order } from '../../lib/feed/schema';
import { generateCustomer } from '../feed-server/generator';
import type { DemoSite } from './site';

export interface DemoPage {
  label: string;
  url: string;
  /** The panel heading expected on this page: the customer's full name. */
  expected: string;
  /** The page's customer with the history the page talks about (a new version of the source's record). */
  customer: Customer;
  /** What the panel must show for the page's story to hold: the order it talks about, in its state. */
  story: string[];
}

const fullName = (customer: Customer) => `${customer.name?.given ?? ''} ${customer.name?.family ?? ''}`.trim();

/** Customer number `index` of the demo's source, if there is one. */
export type DemoCustomers = (index: number) => Customer | undefined;

/** The first customer from `start` on that has what a page needs. */
function pick(customers: DemoCustomers, start: number, fits: (customer: Customer) => boolean): Customer {
  for (let index = start; index < start + 500; index++) {
    const customer = customers(index);
    if (customer && fits(customer)) return customer;
  }
  throw new Error('No demo customer fits.');
}

/** The reference feed's customers for a seed. */
export const feedCustomers =
  (seed: string): DemoCustomers =>
  (index) =>
    generateCustomer(seed, index);

const DAY = 86_400_000;

/** The customer with `order` as their latest order, as a new version. */
function withOrder(customer: Customer, order: Order): Customer {
  return {
    ...customer,
    version: customer.version + 1,
    updatedAt: order.placedAt,
    orders: [order, ...(customer.orders ?? [])],
  };
}

/** A web order like the customer's last one, placed `daysAgo` and now in `status`. */
function storyOrder(customer: Customer, options: { number: string; daysAgo: number; status: string }): Order {
  const last = customer.orders?.[0];
  return {
    id: `story-${options.number}`,
    number: options.number,
    placedAt: new Date(Date.now() - options.daysAgo * DAY).toISOString(),
    channel: 'web',
    status: options.status,
    total: last?.total ?? { amount: 8900, currency: 'EUR' },
    lines: last?.lines ?? [{ sku: 'ML-PULL-01', title: 'Pull en laine mérinos', quantity: 1, unitPrice: 8900 }],
  };
}

/** No order after `daysAgo`: the story's order is then the one the panel leads with as the last. */
const nothingSince = (customer: Customer, daysAgo: number) =>
  (customer.orders ?? []).every((order) => Date.parse(order.placedAt) < Date.now() - daysAgo * DAY);

/** Registers the three demo pages (helpdesk ticket, incoming call, store back-office) for customers of the source. */
export function registerDemoPages(site: DemoSite, customers: DemoCustomers): DemoPage[] {
  const requester = pick(customers, 3, (c) => !!c.emails?.length && !!c.name && nothingSince(c, 10));
  const caller = pick(customers, 11, (c) => !!c.phones?.length && !!c.name && c.consent?.personalization !== false);
  const shopper = pick(
    customers,
    23,
    (c) => !!c.orders?.length && !!c.loyalty?.card && !!c.emails?.length && nothingSince(c, 3),
  );
  // The ticket is about an order placed ten days ago that has not arrived: it is on its way.
  const lateOrder = storyOrder(requester, { number: 'W-48213', daysAgo: 10, status: 'shipped' });
  // The back-office page hands over a web order that is ready for pickup in this store.
  const pickupOrder = storyOrder(shopper, { number: 'W-48377', daysAgo: 3, status: 'ready_for_pickup' });
  return [
    {
      label: 'helpdesk ticket',
      url: site.page('helpdesk/ticket/4821', 'ticket', {
        ticket: '4821',
        email: requester.emails?.[0] ?? '',
        requesterName: fullName(requester),
        requesterFirstName: requester.name?.preferred ?? requester.name?.given ?? '',
        order: lateOrder.number,
      }),
      expected: fullName(requester),
      customer: withOrder(requester, lateOrder),
      story: [`${lateOrder.number}: shipped`],
    },
    {
      label: 'softphone incoming call',
      url: site.page('softphone', 'softphone', { phone: caller.phones?.[0] ?? '' }),
      expected: fullName(caller),
      customer: caller,
      story: [],
    },
    {
      label: 'store back-office',
      url: site.page('store/pickup', 'store', {
        order: pickupOrder.number,
        card: shopper.loyalty?.card ?? '',
        email: shopper.emails?.[0] ?? '',
      }),
      expected: fullName(shopper),
      customer: withOrder(shopper, pickupOrder),
      story: [`${pickupOrder.number}: ready_for_pickup`],
    },
  ];
}

/** A side-panel query for the demo: a customer's name with a typo (the feed's customer 57 has a namesake). */
export function demoSearch(customers: DemoCustomers): string {
  const name = pick(customers, 57, (c) => !!c.name?.family && c.name.family.length > 3).name;
  const family = name?.family ?? 'Martin';
  return `${name?.given ?? ''} ${family.slice(0, 2)}${family.slice(3)}`.trim();
}

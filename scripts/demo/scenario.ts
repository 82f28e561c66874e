import type { Customer } from '../../lib/feed/schema';
import { generateCustomer } from '../feed-server/generator';
import type { DemoSite } from './site';

export interface DemoPage {
  label: string;
  url: string;
  /** The panel heading expected on this page: the customer's full name. */
  expected: string;
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

/** Registers the three demo pages (helpdesk ticket, incoming call, store back-office) for customers of the source. */
export function registerDemoPages(site: DemoSite, customers: DemoCustomers): DemoPage[] {
  const requester = pick(customers, 3, (c) => !!c.emails?.length && !!c.name);
  const caller = pick(customers, 11, (c) => !!c.phones?.length && !!c.name && c.consent?.personalization !== false);
  const shopper = pick(customers, 23, (c) => !!c.orders?.length && !!c.loyalty?.card && !!c.emails?.length);
  return [
    {
      label: 'helpdesk ticket',
      url: site.page('helpdesk/ticket/4821', 'ticket', {
        ticket: '4821',
        email: requester.emails?.[0] ?? '',
        requesterName: fullName(requester),
        requesterFirstName: requester.name?.preferred ?? requester.name?.given ?? '',
      }),
      expected: fullName(requester),
    },
    {
      label: 'softphone incoming call',
      url: site.page('softphone', 'softphone', { phone: caller.phones?.[0] ?? '' }),
      expected: fullName(caller),
    },
    {
      label: 'store back-office',
      url: site.page('store/pickup', 'store', {
        order: shopper.orders?.[0]?.number ?? '',
        card: shopper.loyalty?.card ?? '',
        email: shopper.emails?.[0] ?? '',
      }),
      expected: fullName(shopper),
    },
  ];
}

/** A side-panel query for the demo: a customer's name with a typo (the feed's customer 57 has a namesake). */
export function demoSearch(customers: DemoCustomers): string {
  const name = pick(customers, 57, (c) => !!c.name?.family && c.name.family.length > 3).name;
  const family = name?.family ?? 'Martin';
  return `${name?.given ?? ''} ${family.slice(0, 2)}${family.slice(3)}`.trim();
}

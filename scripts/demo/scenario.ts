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

/** The first customer from `start` on that has what a page needs, with a phone nobody else shares. */
function pick(seed: string, start: number, fits: (customer: Customer) => boolean): Customer {
  for (let index = start; index < start + 500; index++) {
    const customer = generateCustomer(seed, index);
    if (fits(customer)) return customer;
  }
  throw new Error('No demo customer fits.');
}

/** Registers the three demo pages (helpdesk ticket, incoming call, store back-office) for customers of the feed. */
export function registerDemoPages(site: DemoSite, seed: string): DemoPage[] {
  const requester = pick(seed, 3, (c) => !!c.emails?.length && !!c.name);
  const caller = pick(seed, 11, (c) => !!c.phones?.length && !!c.name && c.consent?.personalization !== false);
  const shopper = pick(seed, 23, (c) => !!c.orders?.length && !!c.loyalty?.card && !!c.emails?.length);
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

/** A side-panel query for the demo: the name of a customer who has a namesake (generator: i % 100 === 57), with a typo. */
export function demoSearch(seed: string): string {
  const name = generateCustomer(seed, 57).name;
  const family = name?.family ?? 'Martin';
  return `${name?.given ?? ''} ${family.slice(0, 2)}${family.slice(3)}`.trim();
}

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import {
  configureFeed,
  configureVendure,
  type ExtensionBrowser,
  launchWithExtension,
  panelFrame,
  panelHeading,
  waitUpToDate,
} from '../../scripts/browser';
import { generateCustomer } from '../../scripts/feed-server/generator';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { type VendureAdmin, vendureAdmin } from '../../scripts/vendure/admin';
import { adminGraphQL } from '../../scripts/vendure/graphql';
import { startVendure, type VendureServer } from '../../scripts/vendure/start';

// A real Vendure server (scripts/vendure/, sql.js) as the customer data source, picked in the options page like an
// administrator does, with the least-privilege API key, after the browser had synced a Reconnu feed; changes are made
// through Vendure's own Admin API.

const CUSTOMERS = 30;
const FEED_CUSTOMERS = 12;

interface ShopCustomer {
  id: string;
  firstName: string;
  lastName: string;
  emailAddress: string;
  addresses: { phoneNumber: string | null }[];
  orders: { items: { code: string }[] };
  customFields: { personalizationConsent: boolean | null };
}

describe('Vendure as the source of customer data', { timeout: 240_000 }, () => {
  let vendure: VendureServer;
  let admin: VendureAdmin;
  let fixtures: FixtureServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let shop: ShopCustomer[];
  let feed: FeedServer;
  let feedCustomer: Customer;
  let feedHeadingBefore: string;

  beforeAll(async () => {
    vendure = await startVendure({ customers: CUSTOMERS });
    admin = vendureAdmin(vendure.adminApi, vendure.token);
    shop = await shopCustomers();
    fixtures = await startFixtureServer();
    browser = await launchWithExtension();
    // This browser first synced a feed: its customers must go when Vendure becomes the source.
    feed = await startFeedServer({ customers: FEED_CUSTOMERS, seed: 'before-vendure' });
    feedCustomer = Array.from({ length: FEED_CUSTOMERS }, (_, i) => generateCustomer('before-vendure', i)).find(
      (customer) => customer.emails?.length,
    ) as Customer;
    await configureFeed(browser, feed, FEED_CUSTOMERS);
    feedHeadingBefore = (await panelText(feedTicket())).heading;
    options = await configureVendure(browser, { adminApi: vendure.adminApi, token: vendure.apiKey }, CUSTOMERS);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await feed?.close();
    await vendure?.stop();
  }, 60_000);

  async function shopCustomers(): Promise<ShopCustomer[]> {
    const { data } = await adminGraphQL<{ customers: { items: ShopCustomer[] } }>(
      vendure.adminApi,
      { token: vendure.token },
      `{ customers(options: { take: 100, sort: { id: ASC } }) { items { id firstName lastName emailAddress
        addresses { phoneNumber } orders(options: { take: 20 }) { items { code } }
        customFields { personalizationConsent } } } }`,
    );
    return data.customers.items;
  }

  const ticket = (name: string, body: string) =>
    fixtures.setInline(name, `<!doctype html><meta charset="utf-8"><title>Ticket</title>${body}`);
  const byEmail = (customer: ShopCustomer) =>
    ticket(`mail-${customer.id}`, `<p>De : <a href="mailto:${customer.emailAddress}">${customer.emailAddress}</a></p>`);

  function feedTicket(): string {
    const email = feedCustomer.emails?.[0] as string;
    return ticket('feed-customer', `<p>De : <a href="mailto:${email}">${email}</a></p>`);
  }

  async function panelText(url: string): Promise<{ heading: string; text: string }> {
    const page = await browser.context.newPage();
    try {
      await page.goto(url);
      const heading = await panelHeading(page);
      const text = (await (await panelFrame(page)).locator('article').textContent()) ?? '';
      return { heading, text };
    } finally {
      await page.close();
    }
  }

  const syncNow = () => options.getByRole('button', { name: 'Sync now' }).click();

  it('lands every Vendure customer through the options page, with the read-only API key', async () => {
    await waitUpToDate(options, CUSTOMERS);
    expect(await options.getByLabel('Read customers from').inputValue()).toBe('vendure');
  });

  it("wiped the feed's customers when Vendure became the source", async () => {
    expect(feedHeadingBefore).toBe(`${feedCustomer.name?.given} ${feedCustomer.name?.family}`);
    const page = await browser.context.newPage();
    await page.goto(feedTicket());
    expect(await panelHeading(page)).toBe('Unknown customer');
    await page.close();
  });

  it('recognizes a customer by email on a ticket, with the orders placed in Vendure', async () => {
    const customer = shop.find((candidate) => candidate.orders.items.length > 0) as ShopCustomer;
    const { heading, text } = await panelText(byEmail(customer));
    expect(heading).toBe(`${customer.firstName} ${customer.lastName}`);
    expect(text).toContain(customer.orders.items[0]?.code);
  });

  it('recognizes a caller by a number that is only on one of their addresses', async () => {
    const customer = shop.find((candidate) =>
      candidate.addresses.some((address) => address.phoneNumber),
    ) as ShopCustomer;
    const number = customer.addresses.find((address) => address.phoneNumber)?.phoneNumber as string;
    const url = ticket(`call-${customer.id}`, `<p>Appel entrant : <a href="tel:${number}">${number}</a></p>`);
    expect((await panelText(url)).heading).toBe(`${customer.firstName} ${customer.lastName}`);
  });

  it('shows a change made in Vendure while the extension runs after the next sync: a note and a new order', async () => {
    // Notes are personal preferences: shown only with the customer's consent.
    const customer = shop.find((candidate) => candidate.customFields.personalizationConsent) as ShopCustomer;
    await admin.updateCustomer(customer.id, { customFields: { notes: 'Rappeler le matin, avant 10 h' } });
    const order = await admin.placeOrder(customer.id, [{ sku: 'ECH-LIN', quantity: 2 }]);
    await syncNow();
    await expect
      .poll(async () => (await panelText(byEmail(customer))).text, { timeout: 60_000, interval: 2_000 })
      .toContain('Rappeler le matin, avant 10 h');
    expect((await panelText(byEmail(customer))).text).toContain(order.code);
  });

  it('erases a customer deleted in Vendure from the local copy', async () => {
    const customer = shop.at(-1) as ShopCustomer;
    expect((await panelText(byEmail(customer))).heading).toBe(`${customer.firstName} ${customer.lastName}`);
    await admin.deleteCustomer(customer.id);
    await syncNow();
    // Deletions come with the sweep, due 30 s after the last one at the soonest: this sync or the next minute's.
    await waitUpToDate(options, CUSTOMERS - 1, 150_000);
    const page = await browser.context.newPage();
    await page.goto(byEmail(customer));
    expect(await panelHeading(page)).toBe('Unknown customer');
    await page.close();
  });
});

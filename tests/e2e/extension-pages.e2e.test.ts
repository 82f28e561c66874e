import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureFeed, type ExtensionBrowser, launchWithExtension } from '../../scripts/browser';
import { type DemoHub, startDemoHub } from '../../scripts/demo/hub';
import { generateCustomer } from '../../scripts/feed-server/generator';

const SEED = 'extension-pages';

describe('the extension pages', () => {
  let hub: DemoHub;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    hub = await startDemoHub({ customers: (index) => generateCustomer(SEED, index), count: 400 });
    browser = await launchWithExtension();
    await configureFeed(browser, { url: hub.url, token: hub.tokens.agent }, 400);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('popup: shows the sync state, the count and when it last synced', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('Up to date · 400 customers');
    expect(await popup.getByText(/Last sync: (?!never)/).count()).toBe(1);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('400 customers');
  });

  it('side panel: finds a customer by email, phone or order number and opens the profile', async () => {
    const customer = generateCustomer(SEED, 123);
    const name = `${customer.name?.given} ${customer.name?.family}`;
    const side = await browser.context.newPage();
    await side.goto(browser.extensionUrl('sidepanel.html'));
    const queries = [customer.emails?.[0], customer.phones?.[0], customer.orders?.[0]?.number].filter(
      (q): q is string => !!q,
    );
    for (const query of queries) {
      await side.getByLabel('Search a customer').fill(query);
      await side
        .getByRole('option', { name: new RegExp(name) })
        .first()
        .click();
      await expect.poll(() => side.getByRole('heading', { level: 1 }).textContent()).toBe(name);
      await side.getByRole('button', { name: 'Back' }).click();
    }
    await side.getByLabel('Search a customer').fill('nobody@nowhere.example');
    await expect.poll(() => side.getByText('No customer found.').count()).toBe(1);
  });

  it('options: reports a wrong token clearly and keeps the customers it has', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Access token').fill('wrong-token');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/401: check the access token/);
    expect(await options.getByRole('status').textContent()).toContain('400 customers');
    await options.getByLabel('Access token').fill(hub.tokens.agent);
    await options.getByRole('button', { name: 'Sync now' }).click();
    // A whole sync of the 400 customers again, after the token changed: more than the poll's default second.
    await expect
      .poll(() => options.getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Up to date · 400 customers');
  });
});

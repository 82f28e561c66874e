import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  panelFrame,
  panelHeading,
} from '../../scripts/browser';
import { type DemoHub, startDemoHub } from '../../scripts/demo/hub';
import { type DemoSite, startDemoSite } from '../../scripts/demo/site';
import { generateCustomer } from '../../scripts/feed-server/generator';

const SEED = 'vertical-slice';
const CUSTOMERS = 300;

describe('vertical slice: hub → sync → content script → panel', () => {
  let hub: DemoHub;
  let site: DemoSite;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    hub = await startDemoHub({ customers: (index) => generateCustomer(SEED, index), count: CUSTOMERS });
    site = await startDemoSite();
    browser = await launchWithExtension();
    await configureFeed(browser, { url: hub.url, token: hub.tokens.agent }, CUSTOMERS);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await hub?.close();
  });

  it('shows the requester of a helpdesk ticket in the panel', async () => {
    const customer = generateCustomer(SEED, 42);
    const email = customer.emails?.[0] as string;
    const url = site.page('ticket-42', 'ticket', {
      ticket: '4242',
      email,
      requesterName: `${customer.name?.given} ${customer.name?.family}`,
      requesterFirstName: customer.name?.given ?? '',
    });
    const page = await browser.context.newPage();
    await page.goto(url);
    expect(await panelHeading(page)).toBe(`${customer.name?.given} ${customer.name?.family}`);
  });

  it('keeps the panel unreadable by the host page, and customer data out of the host DOM', async () => {
    const customer = generateCustomer(SEED, 7);
    const url = site.page('ticket-7', 'ticket', {
      ticket: '77',
      email: customer.emails?.[0] as string,
      requesterName: 'Client',
      requesterFirstName: 'Client',
    });
    const page = await browser.context.newPage();
    await page.goto(url);
    await panelHeading(page);
    const element = await (await panelFrame(page)).frameElement();
    const probe = await element.evaluate((frame: HTMLIFrameElement) => {
      let readable: string;
      try {
        readable = frame.contentDocument ? 'document' : 'null';
      } catch (error) {
        readable = `threw ${(error as Error).name}`;
      }
      return { src: frame.src, readable, html: document.documentElement.outerHTML };
    });
    // The extension's page, with the panel's one-time key in the fragment (never sent anywhere).
    expect(probe.src).toMatch(/^chrome-extension:\/\/([a-p]{32}|[0-9a-f-]{36})\/panel\.html#[0-9a-f-]{36}$/);
    expect(probe.readable).not.toBe('document');
    expect(probe.html).not.toContain(customer.name?.family as string);
    expect(probe.html).not.toContain(customer.loyalty?.card ?? '\u0000');
  });

  it('says "Unknown customer" when nobody matches', async () => {
    const url = site.page('ticket-unknown', 'ticket', {
      ticket: '1',
      email: 'nobody.at.all@unknown.example',
      requesterName: 'Nobody',
      requesterFirstName: 'Nobody',
    });
    const page = await browser.context.newPage();
    await page.goto(url);
    expect(await panelHeading(page)).toBe('Unknown customer');
  });
});

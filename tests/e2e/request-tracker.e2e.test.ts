import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  PANEL_URL,
  panelFrame,
} from '../../scripts/browser';
import { fullName, people, productCustomers } from '../../scripts/products/people';
import { type RequestTracker, startRequestTracker } from '../../scripts/products/rt/start';
import { corpusAgent, corpusCustomers, lastViewed } from '../recognition/corpus';
import { startTestHub, type TestHub } from './test-hub';

// The real Request Tracker 5 of Debian (scripts/products/rt/install.sh), private to this run and seeded through its
// own API: the agent signs in through RT's login form and opens each ticket as RT renders it. RT has no adapter:
// generic detection alone must name the requestor, never the agent, the company's mailbox, a Cc or a quoted person.

const GENERATED = 200;
const RT_TIMEOUT = 240_000;
/** RT renders a ticket's history after the page, by a request of its own; the panel must follow. */
const PANEL_TIMEOUT = 30_000;
/** How long a page that names nobody is watched for a late recognition after its history has rendered. */
const SETTLE = 5_000;

const agentAsCustomer = (): Customer => {
  const found = corpusCustomers().find((entry) => entry.id === 'rc_agent');
  if (!found) throw new Error('The corpus has no customer record for its agent.');
  return found;
};

/** The panel's heading, or null while it has none or no panel is docked (a page naming nobody may have neither). */
async function heading(page: Page): Promise<string | null> {
  const frame = page.frames().find((candidate) => PANEL_URL.test(candidate.url()));
  const first = frame?.locator('h1').first();
  if (!first || !(await first.count())) return null;
  return (await first.textContent())?.trim() ?? null;
}

describe('Request Tracker 5, the real one: generic detection on its ticket pages', { timeout: RT_TIMEOUT }, () => {
  let rt: RequestTracker;
  let hub: TestHub;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    const customers = productCustomers(agentAsCustomer());
    [rt, hub] = await Promise.all([
      startRequestTracker(corpusAgent()),
      startTestHub({ customers: GENERATED, seed: 'request-tracker', agent: corpusAgent(), people: customers }),
    ]);
    browser = await launchWithExtension();
    await configureFeed(browser, hub.agentFeed, GENERATED + customers.length);
    page = await browser.context.newPage();
    await page.goto(`${rt.url}/`);
    await page.locator('input[name="user"]').fill(rt.login.user);
    await page.locator('input[name="pass"]').fill(rt.login.password);
    await page.locator('form#login input[type="submit"], form#login button[type="submit"]').first().click();
    await page.getByText(`Logged in as ${rt.login.user}`).waitFor({ timeout: PANEL_TIMEOUT });
  }, RT_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await rt?.close();
  });

  /** Opens a ticket as the agent does and waits for RT to render its history, down to the agent's reply. */
  async function openTicket(id: number): Promise<void> {
    await page.goto(`${rt.url}/Ticket/Display.html?id=${id}`);
    await page.getByText('Service client — Maison Lumière').first().waitFor({ timeout: PANEL_TIMEOUT });
  }

  /** Keeps what the page showed for whoever fixes recognition, and fails with it. */
  async function keepPage(id: number, error: unknown): Promise<never> {
    const file = `/tmp/rt-ticket-${id}.html`;
    writeFileSync(file, await page.content());
    throw new Error(`${(error as Error).message}\nRT's rendered page: ${file}`);
  }

  async function expectOpensOn(id: number, customer: Customer): Promise<void> {
    const before = (await lastViewed(browser))?.seq ?? 0;
    await openTicket(id);
    try {
      await expect.poll(() => heading(page), { timeout: PANEL_TIMEOUT }).toBe(fullName(customer));
      await expect
        .poll(async () => (await lastViewed(browser))?.seq ?? 0, { timeout: PANEL_TIMEOUT })
        .toBeGreaterThan(before);
      expect((await lastViewed(browser))?.customerId).toBe(customer.id);
    } catch (error) {
      await keepPage(id, error);
    }
  }

  it('the ticket of Camille Dubois (Julien Moreau in Cc, Marc Lefèvre quoted, the agent signing) opens on her', async () => {
    await expectOpensOn(rt.tickets.camille, people.camille);
    // The panel is the extension's own document: the ticket page holds none of what the hub says of her.
    expect((await panelFrame(page)).url()).toMatch(PANEL_URL);
    expect(await page.content()).not.toContain('12 34 56 78');
  });

  it('the ticket of a stranger, with Julien Moreau in Cc and the agent signing, names nobody', async () => {
    const before = (await lastViewed(browser))?.seq ?? 0;
    await openTicket(rt.tickets.unknown);
    try {
      // Nothing may appear late either: the panel is watched a while after RT has rendered the whole history.
      const deadline = Date.now() + SETTLE;
      while (Date.now() < deadline) {
        expect([null, 'Unknown customer']).toContain(await heading(page));
        await page.waitForTimeout(250);
      }
      expect((await lastViewed(browser))?.seq ?? 0).toBe(before);
    } catch (error) {
      await keepPage(rt.tickets.unknown, error);
    }
  });

  it('the ticket of Hélène Fontaine (her phone, an order number that looks like one) opens on her', async () => {
    await expectOpensOn(rt.tickets.helene, people.helene);
  });
});

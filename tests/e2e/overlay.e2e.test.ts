import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  panelFrame,
  panelHeading,
} from '../../scripts/browser';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { adapterCases } from '../adapter-cases';
import { AGENT, fixtureName, overlayCustomers } from './overlay-fixtures';

const CUSTOMERS = 200;

describe('overlay: adapters, generic pages, single-page apps, docking', () => {
  let feed: FeedServer;
  let fixtures: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    feed = await startFeedServer({ customers: CUSTOMERS, seed: 'overlay' });
    const people = feed.control.put(overlayCustomers());
    fixtures = await startFixtureServer();
    browser = await launchWithExtension();
    await configureFeed(browser, feed, CUSTOMERS + people.length);
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await feed?.close();
  });

  it.each(adapterCases().map((entry) => [fixtureName(entry), entry] as const))(
    '%s: the panel shows the customer, not the agent',
    async (_name, entry) => {
      const page = await browser.context.newPage();
      await page.goto(fixtures.url(fixtureName(entry), new URL(entry.url).pathname + new URL(entry.url).hash));
      expect(await panelHeading(page)).toBe(`${entry.customer.given} ${entry.customer.family}`);
      await page.close();
    },
  );

  it('generic pages: plain-text emails, phones with a "(Mobile)" suffix, tel: links; the header agent ignored', async () => {
    const page = await browser.context.newPage();
    const pages = {
      'plain-email': `<p>Message de Lucie : écrivez-moi à lucie.marchetti@orange.fr, merci.</p>`,
      'mobile-suffix': `<table><tr><th>Téléphone</th><td>06 58 31 72 90 (Mobile)</td></tr></table>`,
      'tel-link': `<p>Rappeler <a href="tel:+33658317290">le client</a></p>`,
    };
    const expected = {
      'plain-email': 'Lucie Marchetti',
      'mobile-suffix': 'Nadia Belkacem',
      'tel-link': 'Nadia Belkacem',
    };
    for (const [name, body] of Object.entries(pages)) {
      const header = `<header><b>CRM interne</b> — connecté : ${AGENT.given} ${AGENT.family} (${AGENT.emails[0]}, ${AGENT.phones[0]})</header>`;
      await page.goto(
        fixtures.setInline(name, `<!doctype html><meta charset="utf-8"><body>${header}<main>${body}</main>`),
      );
      expect(await panelHeading(page)).toBe(expected[name as keyof typeof expected]);
    }
    await page.close();
  });

  it('a single-page app switching tickets without reload: the panel follows each new requester', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('spa-helpdesk', '/support/tickets/5101'));
    expect(await panelHeading(page)).toBe('Lucie Marchetti');
    const frame = await panelFrame(page);
    for (const [ticket, name] of [
      ['5102', 'Antoine Brun'],
      ['5103', 'Nadia Belkacem'],
      ['5101', 'Lucie Marchetti'],
    ] as const) {
      await page.click(`button[data-ticket="${ticket}"]`);
      await frame.locator('h1', { hasText: name }).waitFor({ timeout: 5_000 });
    }
    await page.close();
  });
});

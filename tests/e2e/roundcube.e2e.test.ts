// The real Roundcube on a real IMAP server, generic detection only (Reconnu has no Roundcube adapter): logged in as
// the company's shared mailbox, the agent opens each message in the preview pane, a same-origin iframe that reloads
// while the top page stays put, and the panel must follow it to the right customer (or to nobody).
import { writeFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureFeed, type ExtensionBrowser, launchWithExtension, panelFrame } from '../../scripts/browser';
import { fullName, productCustomers } from '../../scripts/products/people';
import { messages } from '../../scripts/products/roundcube/messages';
import { type Roundcube, startRoundcube } from '../../scripts/products/roundcube/start';
import { corpusAgent, corpusCustomers, lastViewed } from '../recognition/corpus';
import { startTestHub, type TestHub } from './test-hub';

const GENERATED = 200;
/** How long the panel may take to follow the preview pane on a slow, shared machine. */
const SETTLE = 20_000;
/** How long the preview's contact picture takes to arrive. */
const SLOW_IMAGE = 4_000;

/** What the panel shows: its heading ('Unknown customer', 'Several customers match', a name), or null if closed. */
async function shown(page: Page): Promise<string | null> {
  const frame = await panelFrame(page).catch(() => null);
  const heading = frame?.locator('h1, h2').first();
  if (!heading || !(await heading.isVisible().catch(() => false))) return null;
  return (await heading.textContent().catch(() => null))?.trim() ?? null;
}

/** Polls the panel until it shows `want`, or returns what it shows when SETTLE runs out. */
async function settle(page: Page, want: (heading: string | null) => boolean): Promise<string | null> {
  const deadline = Date.now() + SETTLE;
  for (;;) {
    const heading = await shown(page);
    if (want(heading) || Date.now() > deadline) return heading;
    await page.waitForTimeout(200);
  }
}

/** The view the extension audited after sequence number `after`, once it has (a view is audited shortly after). */
async function viewedSince(browser: ExtensionBrowser, page: Page, after: number, patience: number) {
  const deadline = Date.now() + patience;
  for (;;) {
    const viewed = await lastViewed(browser);
    if ((viewed && viewed.seq > after) || Date.now() > deadline) return viewed && viewed.seq > after ? viewed : null;
    await page.waitForTimeout(200);
  }
}

const previewFrame = (page: Page): Frame => {
  const frame = page.frames().find((candidate) => candidate.name() === 'messagecontframe');
  if (!frame) throw new Error('Roundcube shows no preview pane.');
  return frame;
};

describe('Roundcube: the preview pane, a same-origin iframe, opens the right customer without a page load', () => {
  let roundcube: Roundcube;
  let hub: TestHub;
  let browser: ExtensionBrowser;
  let page: Page;
  /** Top-level navigations since the mail list loaded: there must be none. */
  const topNavigations: string[] = [];

  beforeAll(async () => {
    const agentCustomer = corpusCustomers().find((person) => person.id === 'rc_agent');
    if (!agentCustomer) throw new Error('The recognition corpus lost its agent.');
    const given = productCustomers(agentCustomer);
    [roundcube, hub] = await Promise.all([
      startRoundcube(),
      startTestHub({ customers: GENERATED, seed: 'roundcube', agent: corpusAgent(), people: given }),
    ]);
    browser = await launchWithExtension();
    await configureFeed(browser, hub.agentFeed, GENERATED + given.length);

    page = await browser.context.newPage();
    await page.goto(roundcube.url);
    await page.locator('#rcmloginuser').fill(roundcube.login.user);
    await page.locator('#rcmloginpwd').fill(roundcube.login.password);
    await page.locator('#rcmloginsubmit').click();
    await page
      .locator('#messagelist tbody tr')
      .nth(messages.length - 1)
      .waitFor({ timeout: 60_000 });
    // The preview's load event held back by a slow image, as on a busy server: the panel must not wait for it, and
    // must not show the previous message's customer meanwhile.
    await page.route('**/contactpic.svg*', async (route) => {
      await new Promise((done) => setTimeout(done, SLOW_IMAGE));
      await route.continue().catch(() => undefined);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) topNavigations.push(frame.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await roundcube?.close();
    await hub?.close();
  });

  it.each(messages.map((message, index) => [message.key, message, index] as const))(
    'message from %s, clicked in the list, opens in the preview pane and the panel follows it',
    async (_key, message, index) => {
      const before = (await lastViewed(browser))?.seq ?? 0;
      const previous = index > 0 ? messages[index - 1]?.expect : undefined;
      await page.locator('#messagelist tbody tr', { hasText: message.subject }).click();
      const preview = page.frameLocator('#messagecontframe');
      await preview.locator('h2.subject', { hasText: message.subject }).waitFor({ timeout: 30_000 });
      expect(previewFrame(page).url()).toContain('_action=preview');
      // Read, and the previous message gone from the panel, before the preview's load event (its image is slow).
      expect(await previewFrame(page).evaluate(() => document.readyState)).not.toBe('complete');
      if (previous) expect(await shown(page)).not.toBe(fullName(previous));

      // A message from nobody the hub knows: the panel says so (it names nobody), it does not keep the last one.
      const want = message.expect ? fullName(message.expect) : 'Unknown customer';
      const heading = await settle(page, (text) => text === want);
      const viewed = await viewedSince(browser, page, before, message.expect ? SETTLE : 2_000);
      const outcome = { heading, viewed: viewed?.customerId ?? null };
      const expected = { heading: want, viewed: message.expect?.id ?? null };
      if (JSON.stringify(outcome) !== JSON.stringify(expected)) {
        // For whoever fixes recognition: the document the content script read.
        writeFileSync(`/tmp/rc-msg-${index + 1}.html`, await previewFrame(page).content());
      }
      expect(outcome).toEqual(expected);
      // Still so once the view was audited: the previous message's customer did not come back.
      if (previous) expect(await shown(page)).not.toBe(fullName(previous));
      expect(topNavigations).toEqual([]);
    },
    120_000,
  );
});

// A new user's first five minutes: a blank profile, the options page the extension opens by itself at its connect
// step, the hub's URL and a token typed in, the sync's progress, then who they are and how to turn a site on. Before
// that, and after signing out, nothing reads "Up to date".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  installOptionsPage,
  launchWithExtension,
  openAdministration,
  waitUpToDate,
} from '../../scripts/browser';
import { generateCustomer } from '../../scripts/feed-server/generator';
import { seriousViolations } from './axe';
import { startTestHub, type TestHub } from './test-hub';

const SEED = 'first-run';
const CUSTOMERS = 6000;

/** Every status line the page shows, and whether a progress bar was ever drawn, from now on. */
async function recordProgress(page: Page): Promise<() => Promise<{ statuses: string[]; progressSeen: boolean }>> {
  await page.evaluate(() => {
    const seen = { statuses: [] as string[], progressSeen: false };
    (globalThis as unknown as { __seen: typeof seen }).__seen = seen;
    const take = () => {
      const status = document.querySelector('[role="status"]')?.textContent ?? '';
      if (status && seen.statuses.at(-1) !== status) seen.statuses.push(status);
      if (document.querySelector('progress')) seen.progressSeen = true;
    };
    new MutationObserver(take).observe(document.body, { subtree: true, childList: true, characterData: true });
    take();
  });
  return () => page.evaluate(() => (globalThis as unknown as { __seen: never }).__seen);
}

describe('the first run', () => {
  let hub: TestHub;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    hub = await startTestHub({ seed: SEED, customers: CUSTOMERS });
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('opens the options page at install, with the connect step alone, and never says "Up to date"', async () => {
    const opened = await installOptionsPage(browser);
    expect(opened, 'the extension opens its options page at install').not.toBeNull();
    options = opened as Page;
    await options.getByRole('heading', { name: 'Connect Reconnu' }).waitFor();
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/^Not connected/);
    const text = (await options.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Up to date');
    for (const later of ['You and your sync', 'Your preferences', 'Administration', 'Turn Reconnu on for a site']) {
      expect(await options.getByRole('heading', { name: later }).count(), later).toBe(0);
    }
    expect(await options.getByLabel('Policy public key (ES256, JWK or PEM)').count()).toBe(0);
    expect(await seriousViolations(options)).toEqual([]);

    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/^Not connected/);
    expect(await popup.locator('main').textContent()).not.toContain('Up to date');
    // Nothing to search yet: the popup leads to the connect step instead.
    await popup.getByRole('button', { name: 'Connect Reconnu' }).waitFor();
    expect(await popup.getByRole('combobox', { name: 'Search a customer' }).count()).toBe(0);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('a refused token keeps the connect step, and says why', async () => {
    await options.getByLabel('Feed URL').fill(hub.url);
    await options.getByLabel('Access token').fill('not-a-token');
    await options.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/401: check the access token/);
    expect(await options.getByRole('status').textContent()).not.toContain('Up to date');
    expect(await options.getByRole('heading', { name: 'Connect Reconnu' }).count()).toBe(1);
  });

  it('connects with the hub’s URL and token: progress, then who you are and how to turn a site on', async () => {
    const seen = await recordProgress(options);
    await options.getByLabel('Access token').fill(hub.tokens.agent);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByRole('heading', { name: 'You and your sync' }).waitFor({ timeout: 30_000 });
    await waitUpToDate(options, CUSTOMERS);
    const { statuses, progressSeen } = await seen();
    expect(progressSeen, `statuses: ${statuses.join(' | ')}`).toBe(true);
    expect(statuses.some((status) => status.startsWith('Syncing…'))).toBe(true);

    const who = options.getByRole('definition');
    await expect
      .poll(() => who.allTextContents())
      .toEqual(['Léa Martin lea.martin@example.org', 'Customer service agent', 'none']);
    await options.getByRole('heading', { name: 'Turn Reconnu on for a site' }).waitFor();
    expect(await options.getByText('Zendesk Agent Workspace', { exact: false }).count()).toBe(1);
    await options.getByRole('heading', { name: 'Your preferences' }).waitFor();
    // The administration is there, folded: its fields are not shown until asked for.
    expect(await options.getByLabel('Policy public key (ES256, JWK or PEM)').isVisible()).toBe(false);
    expect(await options.getByRole('button', { name: 'Sync now' }).count()).toBe(1);
    expect(await seriousViolations(options)).toEqual([]);
    await openAdministration(options);
    await options.getByLabel('Policy public key (ES256, JWK or PEM)').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('labels every checkbox beside itself, on its line', async () => {
    const checkbox = options.getByLabel(/Desktop notification with the caller’s name/);
    const label = options.locator('label.check', { has: checkbox });
    const [box, text] = await Promise.all([checkbox.boundingBox(), label.locator('span').boundingBox()]);
    if (!box || !text) throw new Error('the checkbox or its words are not drawn');
    expect(box.x + box.width).toBeLessThanOrEqual(text.x);
    expect(Math.abs(box.y - text.y)).toBeLessThan(text.height);
  });

  it('a new user then finds a customer', async () => {
    const customer = generateCustomer(SEED, 42);
    const side = await browser.context.newPage();
    await side.goto(browser.extensionUrl('sidepanel.html'));
    await side.getByLabel('Search a customer').fill(customer.emails?.[0] as string);
    await side
      .getByRole('option', { name: new RegExp(customer.name?.family as string) })
      .first()
      .click();
    await expect
      .poll(() => side.getByRole('heading', { level: 1 }).textContent())
      .toBe(`${customer.name?.given} ${customer.name?.family}`);
    await side.close();
  });

  it('speaks French on the connected page, and passes axe there', async () => {
    await options.getByLabel('Language / Langue').selectOption('fr');
    await options.getByRole('heading', { name: 'Vous et votre synchronisation' }).waitFor();
    await options.getByRole('heading', { name: 'Activer Reconnu sur un site' }).waitFor();
    // Choosing the language saves the settings, and the background syncs again: up to date once more.
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/^À jour · 6\s000 clients/);
    expect(await seriousViolations(options)).toEqual([]);
    await options.getByLabel('Language / Langue').selectOption('en');
    await options.getByRole('heading', { name: 'You and your sync' }).waitFor();
  });

  it('signing out goes back to the connect step, "Not connected", never "Up to date"', async () => {
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('heading', { name: 'Connect Reconnu' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/^Not connected · Signed out/);
    expect(await options.locator('main').textContent()).not.toContain('Up to date');
    await options.reload();
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/^Not connected/);
  });
});

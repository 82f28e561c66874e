import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import { configureFeed, type ExtensionBrowser, launchWithExtension } from '../../scripts/browser';
import { generateCustomer } from '../../scripts/feed-server/generator';
import { seriousViolations } from './axe';
import { inStore, startTestHub, type TestHub } from './test-hub';

// A salesperson at the till's PC (no camera here): the side panel opens on the search box, the loyalty card's number
// is typed, and the profile leads with what is used in the aisle, contacts masked as for every store user.
const CUSTOMERS = 40;
const CARD = '2705551234567';
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const clemence: Customer = {
  id: 'sl_clemence',
  version: 1,
  updatedAt: daysAgo(1),
  name: { given: 'Clémence', family: 'Aubriot' },
  emails: ['clemence.aubriot@exemple.fr'],
  phones: ['06 71 38 52 94'],
  loyalty: { tier: 'silver', points: 2_340, card: CARD },
  preferences: { sizes: { dress: '38', shoes: '39' }, brands: ['Sézane', 'Vanessa Bruno'], notes: 'Prefers linen' },
  wishlist: [{ sku: 'W1', title: 'Robe portefeuille', addedAt: daysAgo(4) }],
  recentlyViewed: [{ sku: 'V1', title: 'Cardigan côtelé', viewedAt: daysAgo(1) }],
  orders: [
    {
      id: 'sl_o1',
      number: 'PR-8101',
      placedAt: daysAgo(60),
      channel: 'store',
      status: 'delivered',
      total: { amount: 89, currency: 'EUR' },
      lines: [{ sku: 'P1', title: 'Pull marin', quantity: 1, unitPrice: 89 }],
    },
    {
      id: 'sl_o2',
      number: 'WB-8190',
      placedAt: daysAgo(5),
      channel: 'web',
      status: 'shipped',
      total: { amount: 120, currency: 'EUR' },
      lines: [{ sku: 'J1', title: 'Jupe plissée', quantity: 1, unitPrice: 120 }],
    },
  ],
  // The hub serves store staff their store's customers.
  stores: ['paris-rivoli'],
};
const generated = Array.from({ length: CUSTOMERS }, (_, index) => inStore(generateCustomer('store-lookup', index)));

/** Where each text first shows in the profile, in document order (-1: not shown). */
async function positions(page: Page, texts: string[]): Promise<[string, number][]> {
  const text = (await page.locator('article').textContent()) ?? '';
  return texts.map((wanted) => [wanted, text.indexOf(wanted)]);
}

/** The language as the options page saves it (the settings' `locale`): every open page follows at once. */
async function chooseLanguage(page: Page, locale: 'en' | 'fr'): Promise<void> {
  await page.evaluate(async (chosen) => {
    type Local = { get(key: string): Promise<{ settings?: object }>; set(items: object): Promise<void> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const { settings } = await local.get('settings');
    await local.set({ settings: { ...settings, locale: chosen } });
  }, locale);
  await page.locator(`html[lang="${locale}"]`).waitFor();
}

/**
 * Chromium on Linux has no BarcodeDetector: this stand-in "reads" the card once a camera's picture plays. Given to
 * both browsers, so the one without a camera shows no scan button for want of a camera, not of a reader.
 */
async function standInBarcodeReader(browser: ExtensionBrowser): Promise<void> {
  await browser.context.addInitScript((card) => {
    if ('BarcodeDetector' in globalThis) return;
    const reader = class {
      async detect(video: HTMLVideoElement) {
        return video.videoWidth > 0 && video.currentTime > 0 ? [{ rawValue: card }] : [];
      }
    };
    Object.defineProperty(globalThis, 'BarcodeDetector', { configurable: true, value: reader });
  }, CARD);
}

describe('store role: the side panel is a lookup for the shop floor', () => {
  let hub: TestHub;
  let store: ExtensionBrowser;

  beforeAll(async () => {
    hub = await startTestHub({ customers: 0, seed: 'store-lookup', people: [...generated, clemence] });
    store = await launchWithExtension();
    await standInBarcodeReader(store);
    await configureFeed(store, { url: hub.url, token: hub.tokens.store }, CUSTOMERS + 1);
  });
  afterAll(async () => {
    await store?.close();
    await hub?.close();
  });

  it('opens on the search box; without a camera the card number is typed, and finds the customer', async () => {
    const side = await store.context.newPage();
    await side.goto(store.extensionUrl('sidepanel.html'));
    const box = side.getByRole('combobox', { name: 'Search a customer' });
    await box.waitFor();
    // Search first: the box holds the focus and nothing comes before it in the tab order.
    const first = () =>
      side.evaluate(() => {
        const focusable = document.querySelector('input, button, select, textarea, a[href], [tabindex="0"]');
        return focusable === document.activeElement && focusable?.getAttribute('role');
      });
    expect(await first()).toBe('combobox');
    expect(await side.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(true);
    expect(await side.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).length)).toBe(0);
    expect(await side.getByRole('button', { name: 'Scan a loyalty card' }).count()).toBe(0);

    await box.pressSequentially(CARD);
    await side.getByRole('option', { name: /Clémence Aubriot/ }).waitFor();
    expect(await side.getByRole('option').count()).toBe(1);
    await box.press('Enter');
    await side.locator('h1', { hasText: 'Clémence Aubriot' }).waitFor();

    const aisle = ['Sizes', 'dress 38 · shoes 39', 'Brands', 'Sézane, Vanessa Bruno', 'Wishlist', 'Robe portefeuille'];
    const after = ['Recently viewed', 'Cardigan côtelé', 'Last store purchase', 'PR-8101', '1 × Pull marin'];
    const rest = ['Last order WB-8190', 'Contact', 'What I can do for this customer', 'Orders'];
    const at = await positions(side, [...aisle, ...after, ...rest]);
    expect(at.filter(([, position]) => position < 0)).toEqual([]);
    expect([...at].sort((a, b) => a[1] - b[1])).toEqual(at); // in this order: the aisle's facts, then the rest
    const lastStore = side.getByRole('region', { name: 'Last store purchase' });
    expect(await lastStore.textContent()).not.toContain('WB-8190'); // the newest order is a web one

    const contacts = side.getByRole('region', { name: 'Contact' });
    expect(await contacts.textContent()).toContain('c•••@exemple.fr');
    expect(await contacts.textContent()).toContain('+33 6 •• •• •• 94');
    const shown = (await side.locator('main').textContent()) ?? '';
    for (const secret of ['clemence.aubriot@', '71 38 52', '0671385294']) expect(shown).not.toContain(secret);
    expect(await side.getByRole('button', { name: 'Reveal contact details' }).count()).toBe(1);

    expect(await seriousViolations(side)).toEqual([]);
    await side.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(side)).toEqual([]);

    // Back to the search, which takes the focus again for the next customer.
    await side.getByRole('button', { name: 'Back' }).click();
    await box.waitFor();
    expect(await first()).toBe('combobox');
    await side.close();
  });

  it('speaks French on the shop floor too, and passes axe in French', async () => {
    const side = await store.context.newPage();
    await side.goto(store.extensionUrl('sidepanel.html'));
    await chooseLanguage(side, 'fr');
    const box = side.getByRole('combobox', { name: 'Rechercher un client' });
    await box.fill(CARD);
    await side.getByRole('option', { name: /Clémence Aubriot/ }).click();
    await side.locator('h1', { hasText: 'Clémence Aubriot' }).waitFor();
    const words = ['Tailles', 'Marques', 'Liste d’envies', 'Vus récemment', 'Dernier achat en magasin', 'Coordonnées'];
    const at = await positions(side, words);
    expect(at.filter(([, position]) => position < 0)).toEqual([]);
    expect([...at].sort((a, b) => a[1] - b[1])).toEqual(at);
    expect(await seriousViolations(side)).toEqual([]);
    await chooseLanguage(side, 'en');
    await side.close();
  });

  it('audits the search as a card search, and the view as found by search, never the card number', async () => {
    const entries = async () => (await hub.audit()).filter((entry) => entry.user === hub.userIds.store);
    await expect
      .poll(async () => (await entries()).map(({ action, foundBy }) => `${action}:${foundBy}`), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['search:card', 'view:search']));
    expect(JSON.stringify(await entries())).not.toContain(CARD);
  });

  it('on a tablet with a camera, offers to scan the card, reads it, and audits the view as found by card', async () => {
    // Chromium's stand-in camera plays a test picture; the camera check, the stream and the hand-over are real.
    const tablet = await launchWithExtension({
      args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    });
    try {
      await standInBarcodeReader(tablet);
      await configureFeed(tablet, { url: hub.url, token: hub.tokens.store }, CUSTOMERS + 1);
      const side = await tablet.context.newPage();
      await side.goto(tablet.extensionUrl('sidepanel.html'));
      await side.getByRole('button', { name: 'Scan a loyalty card' }).click();
      await side.getByRole('option', { name: /Clémence Aubriot/ }).waitFor();
      expect(await side.getByRole('combobox', { name: 'Search a customer' }).inputValue()).toBe(CARD);
      expect(await side.locator('video').count()).toBe(0); // the camera stops once the card is read
      expect(await seriousViolations(side)).toEqual([]);
      await side.getByRole('option', { name: /Clémence Aubriot/ }).click();
      await side.locator('h1', { hasText: 'Clémence Aubriot' }).waitFor();
      const views = async () =>
        (await hub.audit()).filter((entry) => entry.action === 'view' && entry.customerId === clemence.id);
      await expect
        .poll(async () => (await views()).map(({ foundBy }) => foundBy), { timeout: 30_000 })
        .toContain('card');
      // Where a side panel cannot ask for the camera, it opens this page in a tab: scanning starts at once, once.
      const tab = await tablet.context.newPage();
      await tab.goto(tablet.extensionUrl('sidepanel.html#scan'));
      await tab.getByRole('option', { name: /Clémence Aubriot/ }).click();
      await tab.getByRole('button', { name: 'Back' }).click();
      await tab.getByRole('button', { name: 'Scan a loyalty card' }).waitFor();
      expect(await tab.locator('video').count()).toBe(0);
    } finally {
      await tablet.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import { type ExtensionBrowser, panelFrame, panelHeading } from '../../scripts/browser';
import type { FixtureServer } from '../../scripts/fixture-server';
import { seriousViolations } from './axe';
import { type Stack, startStack } from './stack';

const CUSTOMERS = 200;
const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString();
const person = (id: string, given: string, family: string, extra: Partial<Customer>): Customer => ({
  id,
  version: 1,
  updatedAt: day(1),
  name: { given, family },
  ...extra,
});
const people: Customer[] = [
  person('ps_full', 'Frédéric', 'Vauquelin', {
    name: { given: 'Frédéric', family: 'Vauquelin', preferred: 'Fred' },
    emails: ['fred.vauquelin@exemple.fr'],
    phones: ['06 71 42 93 58'],
    language: 'fr',
    loyalty: { tier: 'gold', points: 12_450, card: 'ML-778899' },
    customerSince: '2019-03-02T10:00:00Z',
    influence: { segment: 'maven', followers: 1200, reviews: 48 },
    preferences: { sizes: { shirt: 'M' }, brands: ['Arco'], channel: 'sms', notes: 'Allergic to wool' },
    wishlist: [{ sku: 'A1', title: 'Lampe Arco', addedAt: day(3) }],
    orders: [
      {
        id: 'o1',
        number: 'FR-7001',
        placedAt: day(5),
        channel: 'web',
        status: 'shipped',
        total: { amount: 59.9, currency: 'EUR' },
        lines: [{ sku: 'D4', title: 'Abat-jour lin', quantity: 2, unitPrice: 29.95, returned: 1 }],
      },
    ],
  }),
  person('ps_noconsent', 'Inès', 'Moreau', {
    emails: ['ines.moreau@exemple.fr'],
    consent: { personalization: false },
    preferences: { notes: 'Likes linen' },
    wishlist: [{ sku: 'W1', title: 'Suspension Nuage', addedAt: day(2) }],
  }),
  person('ps_claire_lyon', 'Maëlys', 'Quintard', { phones: ['06 11 22 33 41'], addresses: [{ city: 'Lyon' }] }),
  person('ps_claire_nantes', 'Maëlys', 'Quintard', { phones: ['06 11 22 33 42'], addresses: [{ city: 'Nantes' }] }),
];

describe('profile panel and side panel search', () => {
  let stack: Stack;
  let fixtures: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    stack = await startStack({ customers: CUSTOMERS, seed: 'profile-search', people: people });
    ({ fixtures, browser } = stack);
  });

  afterAll(() => stack?.close());

  const ticket = (email: string) =>
    fixtures.setInline(email.replace(/\W/g, ''), `<!doctype html><meta charset="utf-8"><p>De : ${email}</p>`);

  it('shows a full profile: name, tier, what to know, preferences, online, orders; no serious axe violation', async () => {
    const page = await browser.context.newPage();
    await page.goto(ticket('fred.vauquelin@exemple.fr'));
    expect(await panelHeading(page)).toBe('Frédéric Vauquelin');
    const frame = await panelFrame(page);
    const text = (await frame.locator('article').textContent()) ?? '';
    for (const part of [
      'Goes by Fred',
      'gold · 12,450 points',
      'Maven',
      'Prefers SMS',
      'Allergic to wool',
      'Lampe Arco',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Last order FR-7001: shipped, 5 days ago · 1 item returned recently/);
    expect(text).toMatch(/as of \d{1,2}:\d{2}/);
    expect(await seriousViolations(frame)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(frame)).toEqual([]);
    await page.close();
  });

  it('hides personalization without consent, and says why', async () => {
    const page = await browser.context.newPage();
    await page.goto(ticket('ines.moreau@exemple.fr'));
    expect(await panelHeading(page)).toBe('Inès Moreau');
    const text = (await (await panelFrame(page)).locator('article').textContent()) ?? '';
    expect(text).toContain('has not agreed to personalization');
    expect(text).not.toContain('Likes linen');
    expect(text).not.toContain('Suspension Nuage');
    await page.close();
  });

  it('side panel: namesakes told apart by city, a typo forgiven, a partial phone, all from the keyboard', async () => {
    const side = await browser.context.newPage();
    await side.goto(browser.extensionUrl('sidepanel.html'));
    const box = side.getByRole('combobox', { name: 'Search a customer' });
    await box.fill('maelys quintard');
    const options = side.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(2);
    const hints = (await options.allTextContents()).slice(0, 2).join(' | ');
    expect(hints).toContain('Lyon');
    expect(hints).toContain('Nantes');
    await box.fill('Frederic Vauqelin');
    await side
      .getByRole('option', { name: /Frédéric Vauquelin/ })
      .first()
      .waitFor();
    await box.press('Enter');
    await side.locator('h1', { hasText: 'Frédéric Vauquelin' }).waitFor();
    await side.getByRole('button', { name: 'Back' }).click();
    await box.fill('33 42');
    await side
      .getByRole('option', { name: /Maëlys Quintard/ })
      .first()
      .waitFor();
    expect(await side.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Nantes')]);
    await box.press('ArrowDown');
    await box.press('Enter');
    await side.locator('h1', { hasText: 'Maëlys Quintard' }).waitFor();
    expect(await seriousViolations(side)).toEqual([]);
    await side.emulateMedia({ colorScheme: 'dark' }); // the theme follows the system: check the dark one too
    expect(await seriousViolations(side)).toEqual([]);
    await side.close();
  });

  it('speaks French when chosen in the options, and passes axe on the options and popup pages', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('heading', { name: 'You and your sync' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    // The language applies as soon as it is picked.
    await options.getByLabel('Language / Langue').selectOption('fr');
    await options.getByRole('button', { name: 'Synchroniser' }).waitFor();
    const side = await browser.context.newPage();
    await side.goto(browser.extensionUrl('sidepanel.html'));
    await side.getByRole('combobox', { name: 'Rechercher un client' }).fill('Fred');
    await side
      .getByRole('option', { name: /Frédéric Vauquelin/ })
      .first()
      .click();
    const text = (await side.locator('article').textContent()) ?? '';
    expect(text).toContain('Se fait appeler Fred');
    expect(text).toContain('12 450 points'.replace(' ', '\u202f'));
    expect(text).toMatch(/Dernière commande FR-7001 : shipped, il y a 5 jours/);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('heading', { name: 'Reconnu' }).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await options.getByLabel('Language / Langue').selectOption('en');
    await options.getByRole('button', { name: 'Sync now' }).waitFor();
    for (const page of [side, popup, options]) await page.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  panelFrame,
  panelHeading,
} from '../../scripts/browser';
import { generateCustomer } from '../../scripts/feed-server/generator';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { inStore, startTestHub, type TestHub } from './test-hub';

// A store user against the hub: whatever a list shows of a customer (the picker, search results, recent
// callers) is masked as their profile is, a phone is found by its whole number only, and every search is audited.
const CUSTOMERS = 500;
const SEED = 'store-masking';
const person = (id: string, given: string, family: string, extra: Partial<Customer>): Customer => ({
  id,
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  name: { given, family },
  ...extra,
  // The hub serves store staff their store's customers: these are all the store's, as on the reference feed.
  stores: ['paris-rivoli'],
});
// A household sharing a landline, neither with an order: the picker's hint falls back to their email.
const LANDLINE = '01 47 20 31 95';
const MOBILE = '06 52 81 47 36';
const solene = person('sm_solene', 'Solène', 'Varenne', {
  emails: ['solene.varenne@exemple.fr'],
  phones: [LANDLINE, MOBILE],
});
const gaspard = person('sm_gaspard', 'Gaspard', 'Varenne', {
  emails: ['gaspard.varenne@exemple.fr'],
  phones: [LANDLINE],
  addresses: [{ city: 'Lille' }],
});
const given = [solene, gaspard];
const reference = Array.from({ length: CUSTOMERS }, (_, index) => inStore(generateCustomer(SEED, index)));
const everyone = [...reference, ...given];

/** Every email and phone of every customer, as the hub holds them: none may show in a list a store user sees. */
const secrets = everyone.flatMap((customer) => [
  ...(customer.emails ?? []).map((email) => email.toLowerCase()),
  ...(customer.phones ?? []),
]);
const leaked = (texts: string[]) =>
  texts.flatMap((text) => secrets.filter((secret) => text.toLowerCase().includes(secret.toLowerCase())));

/** The family names most customers share: their search results fill up with customers with and without orders. */
function commonFamilies(count: number): string[] {
  const seen = new Map<string, number>();
  for (const { name } of reference) if (name) seen.set(name.family, (seen.get(name.family) ?? 0) + 1);
  return [...seen]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([family]) => family);
}

const incomingCall = (number: string) => `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Téléphonie</title>
  <main><section class="call-card"><h2>Appel entrant</h2><p class="number">${number}</p>
  <button>Décrocher</button><button>Refuser</button></section></main>`;

describe('store role: masked contacts stay masked in every list, partial contact searches find nobody, searches audited', () => {
  let hub: TestHub;
  let fixtures: FixtureServer;
  let store: ExtensionBrowser;

  /** Types a query and waits for its answer: results, or "No customer found." */
  const searchFor = async (page: Page, query: string): Promise<string[]> => {
    await page.getByRole('combobox', { name: 'Search a customer' }).fill(query);
    const answered = page.getByRole('option').first().or(page.getByText('No customer found.'));
    await answered.waitFor();
    // The box searches once typing pauses: wait for the answer to this query, not the one before.
    await page.waitForTimeout(800);
    await answered.first().waitFor();
    return (await page.getByRole('option').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  };

  beforeAll(async () => {
    hub = await startTestHub({ customers: 0, seed: SEED, people: everyone });
    fixtures = await startFixtureServer();
    store = await launchWithExtension();
    await configureFeed(store, { url: hub.url, token: hub.tokens.store }, everyone.length);
  });
  afterAll(async () => {
    await store?.close();
    await fixtures?.close();
    await hub?.close();
  });

  it("masks the picker's hints and the recent caller's number as the profile masks them", async () => {
    const page = await store.context.newPage();
    await page.goto(fixtures.setInline('shared-landline', incomingCall(LANDLINE)));
    expect(await panelHeading(page)).toBe('Several customers match');
    const frame = await panelFrame(page);
    const picker = await frame.getByRole('list').getByRole('button').allTextContents();
    expect(picker).toHaveLength(2);
    expect(picker.join(' | ')).toContain('s•••@exemple.fr');
    expect(leaked(picker)).toEqual([]);
    await page.close();

    const side = await store.context.newPage();
    await side.goto(store.extensionUrl('sidepanel.html'));
    const recent = side.getByRole('region', { name: 'Recent callers' });
    await expect.poll(() => recent.textContent()).toContain('+33 1 •• •• •• 95');
    expect(leaked([(await recent.textContent()) ?? ''])).toEqual([]);
    await side.close();
  });

  it('shows no full email or phone in the search results of the side panel and the popup, over many customers', async () => {
    const side = await store.context.newPage();
    await side.goto(store.extensionUrl('sidepanel.html'));
    const hints: string[] = [];
    for (const family of commonFamilies(12)) hints.push(...(await searchFor(side, family)));
    expect(hints.length).toBeGreaterThan(40);
    // Customers without an order are among them: their hint is their email, masked.
    expect(hints.filter((hint) => /•••@/.test(hint)).length).toBeGreaterThan(10);
    expect(leaked(hints)).toEqual([]);
    await side.close();

    const popup = await store.context.newPage();
    await popup.goto(store.extensionUrl('popup.html'));
    const quick = await searchFor(popup, 'Varenne');
    expect(quick.join(' | ')).toContain('s•••@exemple.fr');
    expect(leaked(quick)).toEqual([]);
    await popup.close();
  });

  it('finds nobody by the last digits of a mobile or the beginning of an email; the whole number finds them', async () => {
    const side = await store.context.newPage();
    await side.goto(store.extensionUrl('sidepanel.html'));
    for (const partial of ['4736', '47 36', '81 47 36', 'solene.varenne@', 'solene.varenne@exem'])
      expect(await searchFor(side, partial), partial).toEqual([]);
    expect(await searchFor(side, MOBILE)).toEqual([expect.stringContaining('Solène Varenne')]);
    expect(await searchFor(side, 'solene.varenne@exemple.fr')).toEqual([expect.stringContaining('Solène Varenne')]);
    await side.close();
  });

  it('sends the hub an audit entry per search, with the kind of key and never the key', async () => {
    const searched = async () => (await hub.audit()).filter((entry) => entry.action === 'search');
    await expect.poll(async () => (await searched()).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
    const entries = await searched();
    expect(new Set(entries.map(({ foundBy }) => foundBy))).toEqual(
      new Set(['name', 'partial phone', 'partial email', 'phone', 'email']),
    );
    expect(entries.every(({ user, customerId }) => user === hub.userIds.store && customerId === undefined)).toBe(true);
    expect(new Set(entries.map(({ where }) => where))).toEqual(new Set(['side panel', 'popup']));
    const text = JSON.stringify(entries).toLowerCase();
    for (const key of ['4736', '47 36', '0652814736', '652814736', 'solene', 'varenne', ...commonFamilies(12)])
      expect(text).not.toContain(key.toLowerCase());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  openAdministration,
  panelFrame,
  panelHeading,
} from '../../scripts/browser';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import {
  corpusAgent,
  corpusCases,
  corpusCustomers,
  heldOutCases,
  heldOutCustomers,
  type Outcome,
  runCorpus,
} from '../recognition/corpus';
import { startTestHub, type TestHub } from './test-hub';

const GENERATED = 200;
/** Pages judged at once: most of a page's time is waiting for its load, the lookup and the panel's paint. */
const CONCURRENCY = 3;

/** A customer whose address is on a domain that becomes the organization's in the last test. */
const PARTNER: Customer = {
  id: 'rc_partner_employee',
  version: 1,
  updatedAt: '2026-11-01T09:00:00Z',
  name: { given: 'Yasmine', family: 'Perrot' },
  emails: ['y.perrot@atelier-lumiere.com'],
};

/** Pages with a customer on which the right one opened by itself. */
function autoCorrectShare(outcomes: readonly Outcome[]): number {
  const withCustomer = outcomes.filter((outcome) => outcome.expect !== null);
  return withCustomer.filter((outcome) => outcome.verdict === 'auto-correct').length / withCustomer.length;
}

const describeWrong = (outcomes: readonly Outcome[]) =>
  outcomes
    .filter((outcome) => outcome.verdict === 'wrong-person' && !outcome.disputed)
    .map((outcome) => `${outcome.file} → ${outcome.got}`);

describe('recognition in the wild: the corpus of real products, and learning from the agent', () => {
  let hub: TestHub;
  let browser: ExtensionBrowser;
  let fixtures: FixtureServer;

  beforeAll(async () => {
    hub = await startTestHub({
      customers: GENERATED,
      seed: 'recognition',
      agent: corpusAgent(),
      people: [...corpusCustomers(), ...heldOutCustomers(), PARTNER],
    });
    fixtures = await startFixtureServer();
    browser = await launchWithExtension();
    await configureFeed(browser, hub.agentFeed, GENERATED + corpusCustomers().length + heldOutCustomers().length + 1);
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await hub?.close();
  });

  const CORPUS_TIMEOUT = 600_000;

  it(
    'generic detection alone names no wrong person, and opens the right one by itself on most pages',
    async () => {
      const outcomes = await runCorpus(browser, corpusCases(), 'generic', { concurrency: CONCURRENCY });
      expect(describeWrong(outcomes)).toEqual([]);
      expect(autoCorrectShare(outcomes)).toBeGreaterThanOrEqual(0.9);
    },
    CORPUS_TIMEOUT,
  );

  it(
    "under each product's adapter, no wrong person either",
    async () => {
      const outcomes = await runCorpus(browser, corpusCases(), 'adapter', { concurrency: CONCURRENCY });
      expect(describeWrong(outcomes)).toEqual([]);
      expect(autoCorrectShare(outcomes)).toBeGreaterThanOrEqual(0.9);
    },
    CORPUS_TIMEOUT,
  );

  it(
    'the held-out pages, of products the corpus does not hold: no wrong person',
    async () => {
      const outcomes = await runCorpus(browser, heldOutCases(), 'generic', { concurrency: CONCURRENCY });
      expect(describeWrong(outcomes)).toEqual([]);
    },
    CORPUS_TIMEOUT,
  );

  it('one pick on a picker makes the next ticket of that product open by itself on the right customer', async () => {
    const byId = (id: string) => corpusCustomers().find((person) => person.id === id);
    const [first, second, third, fourth] = [
      'rc_camille_lefevre',
      'rc_bastien_leroy',
      'rc_anna_schmidt',
      'rc_gerard_lemaire',
    ].map(byId);
    if (!first || !second || !third || !fourth) throw new Error('The corpus has too few customers.');
    const ticket = (mine: typeof first, other: typeof first) => `<!doctype html><meta charset="utf-8">
      <main><section class="conversation"><p>Bonjour, ${mine.emails?.[0]} ici.</p></section>
      <section class="related"><p>Voir aussi ${other.emails?.[0]}</p></section></main>`;
    const page = await browser.context.newPage();
    await page.goto(fixtures.setInline('learn-1', ticket(first, second)));
    expect(await panelHeading(page)).toBe('Several customers match');
    const frame = await panelFrame(page);
    await frame.getByRole('button', { name: new RegExp(`${first.name?.given} ${first.name?.family}`) }).click();
    await frame.locator('h1', { hasText: `${first.name?.given} ${first.name?.family}` }).waitFor();
    await page.goto(fixtures.setInline('learn-2', ticket(third, fourth)));
    expect(await panelHeading(page)).toBe(`${third.name?.given} ${third.name?.family}`);
    await page.close();
  });

  it('"Not this customer" is never proposed from there again on that site', async () => {
    const person = corpusCustomers().find((entry) => entry.id === 'rc_romain_chevalier');
    if (!person) throw new Error('The corpus has too few customers.');
    const html = `<!doctype html><meta charset="utf-8"><aside class="customer-card"><p>${person.emails?.[0]}</p></aside>`;
    const page = await browser.context.newPage();
    await page.goto(fixtures.setInline('reject-1', html));
    expect(await panelHeading(page)).toBe(`${person.name?.given} ${person.name?.family}`);
    await (await panelFrame(page)).getByRole('button', { name: 'Not this customer' }).click();
    await (await panelFrame(page)).locator('h1', { hasText: 'Unknown customer' }).waitFor();
    await page.goto(fixtures.setInline('reject-2', html.replace('<p>', '<p>Encore : ')));
    expect(await panelHeading(page)).toBe('Unknown customer');
    await page.close();
  });

  it("a domain typed in the options page as the company's is never taken for a customer's", async () => {
    const card = (note: string) => `<!doctype html><meta charset="utf-8">
      <aside class="customer-card"><p>${PARTNER.emails?.[0]}</p><p>Tél. +33 6 99 88 77 66</p><p>${note}</p></aside>`;
    const page = await browser.context.newPage();
    await page.goto(fixtures.setInline('company-before', card('avant')));
    expect(await panelHeading(page)).toBe('Yasmine Perrot');

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await openAdministration(options);
    await options.getByLabel('Company email domains', { exact: true }).fill('atelier-lumiere');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('“atelier-lumiere” is not a domain').waitFor();
    await options.getByLabel('Company email domains', { exact: true }).fill('@Atelier-Lumiere.com');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Saved.').waitFor();
    await options.reload();
    // The saved value is filled in once the page has read the settings.
    await expect
      .poll(() => options.getByLabel('Company email domains', { exact: true }).inputValue())
      .toBe('atelier-lumiere.com');
    await options.close();

    await page.goto(fixtures.setInline('company-after', card('après')));
    expect(await panelHeading(page)).toBe('Unknown customer');
    await page.close();
  });
});

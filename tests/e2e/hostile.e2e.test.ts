// Hostile input from the two sides Reconnu trusts least: a feed serving hostile records, and a host page attacking
// the panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVISIBLE_MARK } from '../../lib/display/visible';
import { MAX_CANDIDATES } from '../../lib/lookup/service';
import { attachToWorker } from '../../scripts/bench/worker-cdp';
import { type ExtensionBrowser, openAdministration, panelFrame, panelHeading } from '../../scripts/browser';
import { generateCustomer } from '../../scripts/feed-server/generator';
import { hostileCases, PAYLOADS, VICTIM } from '../../scripts/feed-server/hostile';
import type { FixtureServer } from '../../scripts/fixture-server';
import { inertness, recordShownCustomers, watchDialogs } from './hostile-probes';
import { localCustomers } from './local-store';
import { type Stack, startStack } from './stack';

const CUSTOMERS = 2_000;
const SEED = 'hostile';
/** The background's lookup limit per tab (lib/background/router.ts). */
const LOOKUPS_PER_WINDOW = 30;
const WINDOW_MS = 10_000;
const cases = hostileCases();
const landing = cases.filter((entry) => entry.outcome === 'lands');
const victimSecrets = ['Claire Martin', 'Allergique au nickel', '12 34 56 78', '+33612345678', VICTIM.id];

describe('hostile input', () => {
  let stack: Stack;
  let fixtures: FixtureServer;
  let browser: ExtensionBrowser;
  let dialogs: ReturnType<typeof watchDialogs>;

  beforeAll(async () => {
    stack = await startStack({ customers: CUSTOMERS, seed: SEED, people: [VICTIM], hostile: true });
    ({ fixtures, browser } = stack);
    dialogs = watchDialogs(browser.context);
  });
  afterAll(() => stack?.close());

  const pageShowing = async (email: string) => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.setInline(`ticket-${email.replace(/\W/g, '-')}`, `<p>Contact : ${email}</p>`));
    return page;
  };

  it('lands the valid records, quarantines the others with their reasons under Sync issues', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const stored = new Set((await localCustomers(options)).map(([id]) => id));
    for (const entry of landing) expect(stored).toContain((JSON.parse(entry.json) as { id: string }).id);
    await openAdministration(options);
    const table = options.getByRole('region', { name: 'Sync issues' });
    await table.getByRole('row').first().waitFor();
    const rows = await table.evaluate((section) =>
      [...section.querySelectorAll('tr')].map((row) => [...row.cells].map((cell) => cell.textContent ?? '')),
    );
    for (const entry of cases.filter((each) => each.outcome === 'quarantined')) {
      const shownId = entry.shownId ?? entry.id;
      const row = rows.find(([id = '', reason = '']) => id.startsWith(shownId) && reason.includes(entry.reason ?? ''));
      expect(row, `${entry.id}: ${entry.reason}`).toBeDefined();
    }
    // The reversed number is stored but not indexed, and said so.
    expect(rows.find(([id]) => id === 'hostile_bidi')?.[1]).toMatch(/is not a valid phone number/);
    expect(await inertness(options, 'section[aria-labelledby="sync-issues"]')).toMatchObject({
      active: 0,
      handlers: 0,
      pwned: null,
      polluted: null,
    });
    await options.close();
  });

  it('still recognizes normal customers, and the spoofed email and reversed number take nobody', async () => {
    const normal = generateCustomer(SEED, 17);
    const page = await pageShowing(normal.emails?.[0] as string);
    expect(await panelHeading(page)).toBe(`${normal.name?.given} ${normal.name?.family}`);
    await page.goto(fixtures.setInline('victim-phone', '<p>Appel de : 06 12 34 56 78</p>'));
    await (await panelFrame(page)).locator('h1', { hasText: 'Claire Martin' }).waitFor();
    await page.goto(
      fixtures.setInline(
        'lookalike',
        '<p>De : claire.martin\u200b@hostile.test, \u202e87 65 43 21 60, nobody@example.net</p>',
      ),
    );
    await (await panelFrame(page)).locator('h1', { hasText: 'Unknown customer' }).waitFor();
    await page.close();
  });

  it('shows every hostile customer as inert text: nothing executes in the panel or the host page', async () => {
    const expectedHeading: Record<string, string> = {
      hostile_markup: `${PAYLOADS[1]} ${PAYLOADS[0]}`,
      hostile_proto: 'Proto Keys',
      hostile_proto_id: 'Proto Id',
      hostile_bidi: `eiralC Mar${INVISIBLE_MARK}tin`,
      hostile_deep_unknown: 'hostile_deep_unknown',
      hostile_huge_unknown: 'hostile_huge_unknown',
    };
    for (const entry of landing) {
      const page = await pageShowing(entry.email as string);
      expect(await panelHeading(page)).toBe(expectedHeading[entry.id]);
      const panel = await inertness(await panelFrame(page));
      expect(panel).toMatchObject({ active: 0, handlers: 0, urls: 0, pwned: null, polluted: null });
      if (entry.id === 'hostile_markup') for (const payload of PAYLOADS) expect(panel.text).toContain(payload);
      expect(panel.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
      await page.close();
    }
    // The side panel's search and the popup's quick search, on the markup customer's name words and email.
    for (const [path, query] of [
      ['sidepanel.html', 'onerror'],
      ['popup.html', 'hostile_markup@hostile.test'],
    ] as const) {
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl(path));
      await page.getByRole('combobox').fill(query);
      await page.getByRole('option').first().click();
      await page.locator('#customer-name').waitFor();
      expect(await page.locator('#customer-name').textContent()).toBe(expectedHeading.hostile_markup);
      expect(await inertness(page)).toMatchObject({ active: 0, handlers: 0, urls: 0, pwned: null, polluted: null });
      await page.close();
    }
    expect(dialogs.count()).toBe(0);
  });

  it('a hostile host page cannot read the panel, overhear or spoof its messages, or reach the extension', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('hostile-host', '/tickets/666'));
    expect(await panelHeading(page)).toBe('Claire Martin');
    const frame = await panelFrame(page);
    await frame.locator('.what-to-know').waitFor();
    const read = await page.evaluate(() => (window as unknown as Hostile).hostile.readPanel());
    expect(read).toMatchObject({ host: true, shadowRoot: 'null', captured: 0 });
    for (const attempt of read.reads) expect(attempt).toMatch(/^(blocked: SecurityError|null)$/);
    const loot = await page.evaluate(() => (window as unknown as Hostile).hostile.loot());
    for (const secret of victimSecrets) expect(loot).not.toContain(secret);

    const origin = new URL(browser.extensionUrl('/')).origin;
    const spoofed = await page.evaluate((o) => (window as unknown as Hostile).hostile.spoof(o), origin);
    // The panel frame sits in a closed shadow tree: not even among the page's window.frames, so not addressable.
    expect(spoofed.frames).toBe(0);
    expect(spoofed.sent).toBeGreaterThan(0);
    const reply = await page.evaluate(
      (id) => (window as unknown as Hostile).hostile.sendToExtension(id),
      browser.extensionId,
    );
    expect(reply).toMatch(/^(no runtime API in the page|refused: )/);
    // A round trip through the panel's own page after the spoofs: anything they did would have rendered by now.
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
    expect(await panelHeading(page)).toBe('Claire Martin');
    const panel = await inertness(frame);
    expect(panel.text).not.toContain('Spoofed');
    expect(panel).toMatchObject({ active: 0, handlers: 0, pwned: null });
    const after = await page.evaluate(() => (window as unknown as Hostile).hostile.loot());
    for (const secret of victimSecrets) expect(after).not.toContain(secret);
    await page.close();
  });

  it('a flood of 5,000 identifiers stays bounded: the page responds, other tabs are served, no enumeration', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('hostile-host', '/tickets/666'));
    expect(await panelHeading(page)).toBe('Claire Martin');
    const shown = await recordShownCustomers(await panelFrame(page));
    // Every real customer's email, among made-up ones: what an attacker guessing a customer list would try.
    const emails: string[] = [];
    for (let index = 0; emails.length < 5_000; index++) {
      if (index < CUSTOMERS) emails.push(generateCustomer(SEED, index).emails?.[0] as string);
      emails.push(`guess.${index}@example.net`);
    }
    const started = Date.now();
    const flooding = page.evaluate((list) => (window as unknown as Hostile).hostile.flood(list, 50, 30), emails);
    // Meanwhile another tab is served as usual.
    const other = await pageShowing(generateCustomer(SEED, 5).emails?.[0] as string);
    const five = generateCustomer(SEED, 5);
    expect(await panelHeading(other)).toBe(`${five.name?.given} ${five.name?.family}`);
    await other.close();
    expect(await flooding).toBe(5_000);
    // The page still answers: a frame is painted and a script runs.
    expect(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve('painted'))))).toBe(
      'painted',
    );
    const count = await shown();
    const windows = Math.ceil((Date.now() - started) / WINDOW_MS) + 1;
    expect(count).toBeGreaterThan(1); // the flood did reach the panel…
    expect(count).toBeLessThanOrEqual(windows * LOOKUPS_PER_WINDOW * MAX_CANDIDATES); // …at the tab's lookup rate
    expect(count).toBeLessThan(CUSTOMERS);
    await page.close();
  });

  it('the service worker survived: responsive, unpolluted, heap bounded, and it syncs again', async () => {
    expect(await browser.worker.evaluate(() => (({}) as Record<string, unknown>).polluted ?? 'clean')).toBe('clean');
    const worker = await attachToWorker(browser);
    const { usedSize } = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
    await worker.close();
    expect(usedSize).toBeLessThan(256 * 1024 * 1024);
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('button', { name: 'Sync now' }).click();
    const total = (CUSTOMERS + 1 + landing.length).toLocaleString('en');
    await options
      .getByRole('status')
      .filter({ hasText: `Up to date · ${total} customers` })
      .waitFor();
    await options.close();
    expect(dialogs.count()).toBe(0);
  });
});

interface Hostile {
  hostile: {
    readPanel(): { host: boolean; shadowRoot: string; captured: number; reads: string[] };
    loot(): string;
    spoof(origin: string): { frames: number; sent: number };
    sendToExtension(id: string): Promise<string>;
    flood(emails: string[], batchSize: number, intervalMs: number): Promise<number>;
  };
}

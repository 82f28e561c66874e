import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../lib/audit/chain';
import type { Customer } from '../../lib/feed/schema';
import {
  configureFeed,
  type ExtensionBrowser,
  humanPause,
  launchWithExtension,
  panelFrame,
  panelHeading,
  setPolicyKeyOption,
} from '../../scripts/browser';
import { generateCustomer } from '../../scripts/feed-server/generator';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { setPolicyKey } from './empowerment-kit';
import { localCustomers, rawLocalStoreText } from './local-store';
import { type NetworkCut, startNetworkCut } from './network-cut';
import { inStore, startTestHub, type TestHub } from './test-hub';

const CUSTOMERS = 60;
const person = (id: string, given: string, family: string, extra: Partial<Customer>): Customer => ({
  id,
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  name: { given, family },
  ...extra,
  // The hub serves store staff their store's customers: the store user must see these.
  stores: ['paris-rivoli'],
});
const anna = person('pv_anna', 'Anna', 'Lindqvist', {
  emails: ['anna.lindqvist@exemple.fr'],
  phones: ['06 48 27 91 58'],
  addresses: [{ label: 'Home', line1: '8 rue des Tanneurs', postalCode: '69001', city: 'Lyon', country: 'FR' }],
});
const bruno = person('pv_bruno', 'Bruno', 'Achterberg', { emails: ['bruno.achterberg@exemple.fr'] });
const generated = Array.from({ length: CUSTOMERS }, (_, index) => inStore(generateCustomer('privacy', index)));

describe('privacy: masking, audit, erasure, sign-out', () => {
  let hub: TestHub;
  /** What the extension reaches the hub through: cut to play an outage. */
  let network: NetworkCut;
  let fixtures: FixtureServer;
  let store: ExtensionBrowser;
  let options: Page;
  const total = CUSTOMERS + 2;

  const ticket = (email: string) =>
    fixtures.setInline(email.replace(/\W/g, ''), `<!doctype html><meta charset="utf-8"><p>De : ${email}</p>`);
  const syncNow = async (expected: number) => {
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: `Up to date · ${expected} customers` })
      .waitFor();
  };

  beforeAll(async () => {
    hub = await startTestHub({ customers: 0, seed: 'privacy', people: [...generated, anna, bruno] });
    network = await startNetworkCut(hub.url);
    fixtures = await startFixtureServer();
    store = await launchWithExtension();
    options = await configureFeed(store, { url: network.url, token: hub.tokens.store }, total);
  });
  afterAll(async () => {
    await store?.close();
    await fixtures?.close();
    await network?.close();
    await hub?.close();
  });

  it('masks contacts for store staff; a reveal needs a reason; the view and the reveal reach the hub, chained', async () => {
    const page = await store.context.newPage();
    await page.goto(ticket(anna.emails?.[0] as string));
    expect(await panelHeading(page)).toBe('Anna Lindqvist');
    const frame = await panelFrame(page);
    const contacts = frame.locator('section.contacts');
    await expect.poll(() => contacts.textContent()).toContain('a•••@exemple.fr');
    const masked = (await frame.locator('body').textContent()) ?? '';
    expect(masked).toContain('+33 6 •• •• •• 58');
    for (const secret of ['anna.lindqvist@', '48 27 91', 'Tanneurs', '69001']) expect(masked).not.toContain(secret);

    await frame.getByRole('button', { name: 'Reveal contact details' }).click();
    const reveal = frame.getByRole('button', { name: 'Reveal', exact: true });
    expect(await reveal.isDisabled()).toBe(true); // no reason, no reveal
    await frame.getByLabel('Why do you need them? (recorded)').fill('Customer asked for a delivery to her home');
    await humanPause();
    await reveal.click();
    await expect.poll(() => contacts.textContent()).toContain('anna.lindqvist@exemple.fr');
    expect(await contacts.textContent()).toContain('8 rue des Tanneurs');

    await expect.poll(async () => (await hub.audit()).length, { timeout: 15_000 }).toBe(2);
    // The hub answers newest first: the device's chain is oldest first.
    const entries = (await hub.audit()).reverse();
    expect(entries).toMatchObject([
      {
        user: hub.userIds.store,
        action: 'view',
        customerId: 'pv_anna',
        where: new URL(page.url()).host,
        foundBy: 'email',
      },
      {
        user: hub.userIds.store,
        action: 'reveal',
        customerId: 'pv_anna',
        reason: 'Customer asked for a delivery to her home',
      },
    ]);
    expect(await verifyChain(entries)).toEqual({ ok: true, entries: 2 });
    expect(await options.getByRole('link', { name: 'View audit' }).count()).toBe(0); // store staff: no audit
    await page.close();
  });

  it('keeps views made offline, through a service-worker restart, and uploads them once the hub is back', async () => {
    await network.cut();
    const side = await store.context.newPage();
    await side.goto(store.extensionUrl('sidepanel.html'));
    await side.getByRole('combobox', { name: 'Search a customer' }).fill('Bruno Achterberg');
    await side
      .getByRole('option', { name: /Bruno Achterberg/ })
      .first()
      .click();
    await side.locator('h1', { hasText: 'Bruno Achterberg' }).waitFor(); // the local cache works offline
    await side.getByRole('button', { name: 'Reveal contact details' }).click();
    await side.getByLabel('Why do you need them? (recorded)').fill('Confirming the email for a store pickup');
    await humanPause();
    await side.getByRole('button', { name: 'Reveal', exact: true }).click();
    await side.getByText('bruno.achterberg@exemple.fr').waitFor();
    await side.close();
    // The cut holds: nothing of this reached the hub.
    expect(await hub.audit()).toHaveLength(2);
    // Waiting for the hub, the reveal is in the audit log with its reason sealed, never in clear.
    const pending = await rawLocalStoreText(options, { database: 'reconnu-audit' });
    expect(pending).toContain('pv_bruno');
    for (const reason of ['store pickup', 'delivery to her home']) expect(pending).not.toContain(reason);

    const cdp = await store.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await network.restore();
    await options.reload();
    await syncNow(total);
    await expect
      .poll(async () => (await hub.audit()).reverse(), { timeout: 15_000 })
      .toMatchObject([
        { action: 'view', customerId: 'pv_anna', seq: 1 },
        { action: 'reveal', customerId: 'pv_anna', seq: 2 },
        { action: 'search', where: 'side panel', foundBy: 'name', seq: 3 }, // the kind of key, never the name
        { action: 'view', customerId: 'pv_bruno', where: 'side panel', foundBy: 'search', seq: 4 },
        { action: 'reveal', customerId: 'pv_bruno', seq: 5, reason: 'Confirming the email for a store pickup' },
      ]);
  });

  it('an erasure from the hub leaves the open panel and the side panel in the same sync', async () => {
    const page = await store.context.newPage();
    await page.goto(ticket(bruno.emails?.[0] as string));
    expect(await panelHeading(page)).toBe('Bruno Achterberg');
    await hub.push([{ id: bruno.id, deleted: true, deletedAt: new Date().toISOString() }]);
    await syncNow(total - 1);
    await expect.poll(() => panelHeading(page)).toBe('Unknown customer');
    const side = await store.context.newPage();
    await side.goto(store.extensionUrl('sidepanel.html'));
    await side.getByRole('combobox', { name: 'Search a customer' }).fill('Achterberg');
    await side.getByText('No customer found.').waitFor();
    expect((await localCustomers(options)).map(([id]) => id)).not.toContain(bruno.id);
    await side.close();
    await page.close();
  });

  it('sign-out wipes every local customer, the token, the sent audit and the policy; the panel forgets who it showed', async () => {
    await setPolicyKeyOption(options, hub.policyPublicKey);
    await syncNow(total - 1);
    await options.getByText('Empowerment policy demo-2026 in force').waitFor({ timeout: 20_000 });
    const page = await store.context.newPage();
    await page.goto(ticket(anna.emails?.[0] as string));
    expect(await panelHeading(page)).toBe('Anna Lindqvist');
    await options.getByRole('button', { name: 'Sign out' }).click();
    // Back to the connect step, which says why: never "Up to date".
    await options.getByRole('status').filter({ hasText: 'Not connected · Signed out' }).waitFor();
    await options.getByRole('heading', { name: 'Connect Reconnu' }).waitFor();
    await expect.poll(() => panelHeading(page)).toBe('Unknown customer');
    expect(await localCustomers(options)).toEqual([]);
    const audit = await rawLocalStoreText(options, { database: 'reconnu-audit' });
    for (const sent of ['pv_anna', 'pv_bruno', hub.userIds.store]) expect(audit).not.toContain(sent);
    // Sent before being erased: the view of Anna just now is the hub's newest entry.
    expect((await hub.audit())[0]).toMatchObject({ action: 'view', customerId: 'pv_anna' });
    // The policy (and the team roster in it) is forgotten: the options page, asking again, has none to show.
    await options.getByText('Empowerment policy demo-2026 in force').waitFor({ state: 'detached', timeout: 15_000 });
    await options.reload();
    expect(await options.getByLabel('Access token').inputValue()).toBe('');
    await options.getByRole('status').filter({ hasText: 'Signed out' }).waitFor();
    await page.reload();
    expect(await panelHeading(page)).toBe('Unknown customer');
    await page.close();
  });

  it('shows the team audit to a supervisor only, with the reason given and a verified local chain', async () => {
    const supervisor = await launchWithExtension();
    try {
      const settings = await configureFeed(supervisor, { url: network.url, token: hub.tokens.supervisor }, total - 1);
      const page = await supervisor.context.newPage();
      await page.goto(ticket(anna.emails?.[0] as string));
      expect(await panelHeading(page)).toBe('Anna Lindqvist');
      const contacts = (await panelFrame(page)).locator('section.contacts');
      await expect.poll(() => contacts.textContent()).toContain('anna.lindqvist@exemple.fr'); // full for supervisors
      await settings.reload();
      await settings.getByRole('link', { name: 'View audit' }).waitFor();
      const audit = await supervisor.context.newPage();
      await audit.goto(supervisor.extensionUrl('audit.html'));
      // By name: the signed policy's roster is the team.
      await setPolicyKey(settings, hub.policyPublicKey);
      await audit.reload();
      await audit.getByLabel('Person').selectOption({ label: 'Hugo Bernard' });
      const team = audit.getByRole('table', { name: 'Team (from the feed)' });
      await expect.poll(() => team.textContent()).toContain('Confirming the email for a store pickup');
      await audit.getByText('Chain intact: 1 entry verified.').waitFor();
    } finally {
      await supervisor.close();
    }
  });
});

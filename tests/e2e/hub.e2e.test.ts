// The extension syncing from the real hub (server/) on its embedded database: customers pushed through the admin
// API reach the panel, the company's own addresses stay nobody's, and a deletion leaves the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  panelHeading,
  waitUpToDate,
} from '../../scripts/browser';
import { generateCustomer } from '../../scripts/feed-server/generator';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { openDatabase } from '../../server/db/open';
import { hashToken } from '../../server/people/tokens';
import { startTestHub, type TestHub } from '../../server/test/hub-fixture';
import { localCustomers } from './local-store';

const GENERATED = 300;
const anna: Customer = {
  id: 'hub_anna',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  name: { given: 'Anna', family: 'Lindqvist' },
  emails: ['anna.lindqvist@exemple.fr'],
};
// A record carrying the company's own switchboard address, as imported CRM data often does.
const switchboard: Customer = {
  id: 'hub_switchboard',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  name: { given: 'Service', family: 'Client' },
  emails: ['contact@maison-lumiere.fr'],
};

describe('the extension on the hub', () => {
  let hub: TestHub;
  let fixtures: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    hub = await startTestHub(await openDatabase({}));
    const customers = [...Array.from({ length: GENERATED }, (_, index) => generateCustomer('hub', index)), anna];
    const pushed = await hub.request('/v1/admin/customers', { json: { customers: [...customers, switchboard] } });
    expect(await pushed.json()).toMatchObject({ accepted: GENERATED + 2, rejected: [] });
    const organization = { domains: ['maison-lumiere.fr'], phones: [] };
    expect((await hub.request('/v1/admin/organization', { method: 'PUT', json: organization })).status).toBe(200);
    fixtures = await startFixtureServer();
    browser = await launchWithExtension();
    await configureFeed(browser, { url: hub.hub.url, token: hub.tokens.agent }, GENERATED + 2);
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await hub?.close();
  });

  const ticket = (name: string, line: string) =>
    fixtures.setInline(name, `<!doctype html><meta charset="utf-8"><p>De : ${line}</p>`);

  it('shows a customer pushed to the hub, and never takes the company for a customer', async () => {
    const page = await browser.context.newPage();
    await page.goto(ticket('hub-anna', 'anna.lindqvist@exemple.fr'));
    expect(await panelHeading(page)).toBe('Anna Lindqvist');
    await page.goto(ticket('hub-company', 'contact@maison-lumiere.fr'));
    expect(await panelHeading(page)).toBe('Unknown customer');
    await page.close();
  });

  it('erases a customer deleted on the hub at the next sync', async () => {
    const deletion = { id: anna.id, deleted: true, deletedAt: '2026-11-02T10:00:00Z' };
    expect(await (await hub.request('/v1/admin/customers', { json: { customers: [deletion] } })).json()).toMatchObject({
      accepted: 1,
    });
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('button', { name: 'Sync now' }).click();
    await waitUpToDate(options, GENERATED + 1);
    const page = await browser.context.newPage();
    await page.goto(ticket('hub-anna-gone', 'anna.lindqvist@exemple.fr'));
    expect(await panelHeading(page)).toBe('Unknown customer');
    await page.close();
    await options.close();
  });

  it('signs out and wipes the browser at the first sync after the hub revoked the token', async () => {
    const known = generateCustomer('hub', 7);
    const page = await browser.context.newPage();
    await page.goto(ticket('hub-known', known.emails?.[0] as string));
    expect(await panelHeading(page)).toBe(`${known.name?.given} ${known.name?.family}`);
    await hub.db.query('update tokens set revoked_at = now() where hash = $1', [hashToken(hub.tokens.agent)]);
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByText('The feed refused your access token').first().waitFor({ timeout: 30_000 });
    await options.reload();
    await options.getByText('The feed refused your access token').first().waitFor();
    await expect.poll(() => options.getByLabel('Access token').inputValue()).toBe('');
    await page.goto(ticket('hub-known-after', known.emails?.[0] as string));
    expect(await panelHeading(page)).not.toBe(`${known.name?.given} ${known.name?.family}`);
    expect(await localCustomers(options)).toEqual([]);
    await page.close();
    await options.close();
  });
});

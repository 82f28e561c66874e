// The core path in Firefox, with the Firefox build (Manifest V2: a background page, a sidebar): connect from the
// options page the install opens, sync from the hub, the panel on the right customer on a ticket served from
// 127.0.0.1, the sidebar's search, and a supervisor approving in the console a request above the agent's limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GestureRecord } from '../../lib/policy/schema';
import { humanPause } from '../../scripts/browser';
import { FIREFOX_EXTENSION_DIR, type FirefoxWithExtension, launchFirefoxWithExtension } from '../../scripts/firefox';
import type { DevToolsTarget } from '../../scripts/firefox-devtools';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { zoe, zoeTicket } from './empowerment-kit';
import { bringToFront, click, fill, waitForText, waitUntil } from './firefox-dom';
import { startTestHub, type TestHub } from './test-hub';

const CUSTOMERS = 200;
const total = CUSTOMERS + 1;

describe('Firefox: connect, sync, the panel, the sidebar’s search, an approval', () => {
  let hub: TestHub;
  let fixtures: FixtureServer;
  let firefox: FirefoxWithExtension;
  let options: DevToolsTarget;
  let ticket: Page;
  let panel: DevToolsTarget;

  const gestures = async (): Promise<GestureRecord[]> => {
    const response = await fetch(`${hub.url}/v1/gestures`, {
      headers: { Authorization: `Bearer ${hub.tokens.supervisor}` },
    });
    return ((await response.json()) as { gestures: GestureRecord[] }).gestures;
  };

  /** The count on the toolbar button (Manifest V2's `browserAction` in Firefox). */
  const badge = () =>
    options.evaluate(() =>
      (
        globalThis as unknown as { browser: { browserAction: { getBadgeText(details: object): Promise<string> } } }
      ).browser.browserAction.getBadgeText({}),
    );

  /** Connects the options page to the hub with `token`, as a user does, and waits for the sync to finish. */
  async function connect(token: string): Promise<void> {
    await waitForText(options, 'h1, h2', 'Connect Reconnu');
    await fill(options, 'Feed URL', hub.url);
    await fill(options, 'Access token', token);
    await click(options, 'Connect');
    await waitForText(options, '[role="status"]', `Up to date · ${total} customers`, 60_000);
  }

  beforeAll(async () => {
    hub = await startTestHub({ customers: CUSTOMERS, seed: 'firefox', people: [zoe] });
    fixtures = await startFixtureServer();
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await firefox?.close();
    await fixtures?.close();
    await hub?.close();
  });

  it('opens its options page at install, connects there and syncs', async () => {
    options = await firefox.devtools.tab(firefox.extensionUrl('options.html'));
    await waitForText(options, '[role="status"]', /^Not connected/);
    await connect(hub.tokens.agent);
    await waitForText(options, 'main', 'Léa Martin');
    // Firefox lets content scripts read storage.local: the access token is kept out of it.
    const local = await options.evaluate(async () =>
      JSON.stringify(
        await (
          globalThis as unknown as { browser: { storage: { local: { get(): Promise<unknown> } } } }
        ).browser.storage.local.get(),
      ),
    );
    expect(local).toContain(hub.url);
    expect(local).not.toContain(hub.tokens.agent);
    // The administrator's policy key, which gestures are checked against.
    await click(options, 'Administration');
    await fill(options, 'Policy public key (ES256, JWK or PEM)', hub.policyPublicKey);
    await click(options, 'Save settings');
    await waitForText(options, 'main', 'Empowerment policy demo-2026 in force');
  });

  it('docks the panel on the ticket’s customer, in a frame the page cannot read', async () => {
    ticket = await firefox.browser.newPage();
    const url = fixtures.setInline('zoe', zoeTicket);
    await ticket.goto(url);
    panel = await firefox.devtools.frame(url, /^moz-extension:\/\/[0-9a-f-]{36}\/panel\.html/);
    expect(panel.url.startsWith(firefox.extensionUrl('panel.html'))).toBe(true);
    expect(await waitForText(panel, 'h1, h2', 'Zoé Castellane')).toBe('Zoé Castellane');
    // Nothing of the profile reaches the host page: not its DOM, not its frames' documents.
    const host = await ticket.evaluate(() => ({
      html: document.documentElement.outerHTML,
      frames: [...document.querySelectorAll('iframe')].length,
    }));
    expect(host.html).not.toContain('Castellane');
    expect(host.frames).toBe(0); // the panel's frame is in a closed shadow root
  });

  it('finds a customer in the sidebar’s page', async () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    const sidebar = await firefox.openExtensionPage('sidepanel.html');
    await waitUntil(
      () => sidebar.evaluate(() => !!document.querySelector('[role="combobox"]')),
      (ready) => ready,
      { what: 'the search box' },
    );
    await fill(sidebar, 'Search a customer', zoe.emails?.[0] as string);
    await waitForText(sidebar, '[role="option"]', 'Castellane');
    await click(sidebar, 'Zoé', { role: 'option' });
    expect(await waitForText(sidebar, 'h1', 'Zoé Castellane')).toBe('Zoé Castellane');
  });

  it('the agent asks, in the panel, above her limit; a supervisor approves in the console', async () => {
    await ticket.bringToFront();
    const empowerment = { within: 'section.empowerment' };
    await fill(panel, 'Gesture', 'Goodwill credit', empowerment);
    await fill(panel, 'Amount (EUR)', '45', empowerment);
    await fill(panel, 'Reason (recorded)', 'Third late delivery this month', empowerment);
    await click(panel, 'Grant', empowerment);
    await humanPause(); // the panel ignores a click on what has not been seen for half a second
    await click(panel, 'Confirm', empowerment);
    await waitForText(panel, 'section.empowerment [role="status"]', 'Sent for approval.');
    await waitUntil(gestures, (list) => list[0]?.status === 'pending', { what: 'the hub to hold the request' });

    // The same Firefox, signed out, then signed in as the supervisor.
    await bringToFront(options);
    await click(options, 'Sign out');
    await connect(hub.tokens.supervisor);
    // Signing out keeps the administrator's settings: the policy key is still there.
    await waitForText(options, 'main', 'Empowerment policy demo-2026 in force');
    await waitUntil(badge, (text) => text === '1', { what: 'the toolbar button to count the request' });

    const console = await firefox.openExtensionPage('supervisor.html');
    const row = { within: 'tr', containing: 'Third late delivery' };
    await waitForText(console, 'table[aria-label="Pending approvals"]', /Léa Martin.*Zoé Castellane.*€45\.00/);
    await fill(console, 'Comment', 'OK, loyal customer', row);
    await click(console, 'Approve', row);
    await waitForText(console, 'main', 'No request is waiting.');
    await waitUntil(badge, (text) => text === '', { what: 'the count to go' });
    await waitUntil(gestures, (list) => list[0]?.status === 'approved', { what: 'the hub to hold the approval' });
    expect((await gestures())[0]).toMatchObject({ customerId: zoe.id, size: 4500, status: 'approved' });
  });
});

// Gestures against the hub: granted within limits, sent for approval above them and approved by a supervisor in
// the console, and one made while the hub is unreachable delivered once. The policy's forgeries, which only the
// reference feed serves, are in empowerment-policy.e2e.test.ts.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GestureRecord } from '../../lib/policy/schema';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  panelFrame,
  panelHeading,
} from '../../scripts/browser';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { empowermentOf, goodwillLineOf, grant, setPolicyKey, syncNow, zoe, zoeTicket } from './empowerment-kit';
import { type NetworkCut, startNetworkCut } from './network-cut';
import { startTestHub, type TestHub } from './test-hub';

const CUSTOMERS = 20;
const total = CUSTOMERS + 1;

describe('empowerment: gestures within limits, approvals, offline grants', () => {
  let hub: TestHub;
  /** What the agent's extension reaches the hub through: cut to play an outage. */
  let network: NetworkCut;
  let fixtures: FixtureServer;
  let agent: ExtensionBrowser;
  let options: Page;
  let panel: Frame;

  const empowerment = () => empowermentOf(panel);
  const goodwillLine = () => goodwillLineOf(panel);
  /** Every gesture the hub holds, as a supervisor reads them: newest first. */
  const gestures = async (): Promise<GestureRecord[]> => {
    const response = await fetch(`${hub.url}/v1/gestures`, {
      headers: { Authorization: `Bearer ${hub.tokens.supervisor}` },
    });
    if (!response.ok) throw new Error(`GET /v1/gestures answered ${response.status}`);
    return ((await response.json()) as { gestures: GestureRecord[] }).gestures;
  };

  beforeAll(async () => {
    hub = await startTestHub({ customers: CUSTOMERS, seed: 'empowerment', people: [zoe] });
    network = await startNetworkCut(hub.url);
    fixtures = await startFixtureServer();
    agent = await launchWithExtension();
    options = await configureFeed(agent, { url: network.url, token: hub.tokens.agent }, total);
    await setPolicyKey(options, hub.policyPublicKey);
    const ticket = await agent.context.newPage();
    await ticket.goto(fixtures.setInline('zoe', zoeTicket));
    expect(await panelHeading(ticket)).toBe('Zoé Castellane');
    panel = await panelFrame(ticket);
  });
  afterAll(async () => {
    await agent?.close();
    await fixtures?.close();
    await network?.close();
    await hub?.close();
  });

  it('grants a gesture within limits and the budget drops', async () => {
    await expect
      .poll(() => goodwillLine().textContent(), { timeout: 15_000 })
      .toContain('€50.00 left for this customer');
    await grant(panel, 'Goodwill credit', '20', 'Parcel arrived damaged');
    await empowerment().getByRole('status').filter({ hasText: 'Granted.' }).waitFor();
    await expect
      .poll(() => goodwillLine().textContent(), { timeout: 15_000 })
      .toContain('€30.00 left for this customer');
    await expect.poll(async () => (await gestures()).length, { timeout: 15_000 }).toBe(1);
    expect((await gestures())[0]).toMatchObject({
      agentId: hub.userIds.agent,
      customerId: zoe.id,
      size: 2000,
      status: 'granted',
    });
  });

  it('asks above the limit; a supervisor approves in the console; the agent sees it approved', async () => {
    await grant(panel, 'Goodwill credit', '45', 'Third late delivery this month');
    await empowerment().getByRole('status').filter({ hasText: 'Sent for approval.' }).waitFor();
    // The hub answers newest first.
    await expect.poll(async () => (await gestures())[0]?.status, { timeout: 15_000 }).toBe('pending');

    const supervisor = await launchWithExtension();
    try {
      const settings = await configureFeed(supervisor, { url: hub.url, token: hub.tokens.supervisor }, total);
      await setPolicyKey(settings, hub.policyPublicKey);
      await settings.getByRole('link', { name: 'Empowerment console' }).waitFor();
      const console = await supervisor.context.newPage();
      await console.goto(supervisor.extensionUrl('supervisor.html'));
      const row = console
        .getByRole('table', { name: 'Pending approvals' })
        .getByRole('row', { name: /Third late delivery/ });
      await row.getByLabel('Comment').fill('OK, loyal customer');
      await row.getByRole('button', { name: 'Approve' }).click();
      await console.getByText('No request is waiting.').waitFor({ timeout: 15_000 });
      expect(await console.getByRole('table', { name: 'Team permissions' }).textContent()).toContain('Léa Martin');
    } finally {
      await supervisor.close();
    }
    const history = empowerment().getByRole('table', { name: 'Already given to this customer' });
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).toContain('approved — OK, loyal customer');
  });

  it('delivers a grant made offline exactly once when the hub is reachable again', async () => {
    await network.cut();
    await grant(panel, 'Free shipping', null, 'Offered while the line was down');
    await empowerment().getByRole('status').filter({ hasText: 'Granted.' }).waitFor({ timeout: 15_000 });
    const history = empowerment().getByRole('table', { name: 'Already given to this customer' });
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).toContain('not sent yet');
    expect(await gestures()).toHaveLength(2);

    await network.restore();
    await syncNow(options, total);
    await expect.poll(async () => (await gestures()).length, { timeout: 15_000 }).toBe(3);
    expect((await gestures())[0]).toMatchObject({
      gesture: 'freeShipping',
      reason: 'Offered while the line was down',
    });
    await syncNow(options, total);
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).not.toContain('not sent yet');
    expect(await gestures()).toHaveLength(3);
  });
});

import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import {
  configureFeed,
  type ExtensionBrowser,
  humanPause,
  launchWithExtension,
  panelFrame,
  panelHeading,
} from '../../scripts/browser';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';

const CUSTOMERS = 20;
const TOKEN = 'empowerment-token';
const zoe: Customer = {
  id: 'em_zoe',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  name: { given: 'Zoé', family: 'Castellane' },
  emails: ['zoe.castellane@exemple.fr'],
  loyalty: { tier: 'silver', points: 1500 },
  consent: { personalization: true },
};
const total = CUSTOMERS + 1;

/** The policy token the feed serves now, as anyone holding an agent token can fetch and keep it. */
async function fetchPolicyToken(feed: FeedServer): Promise<string> {
  const response = await fetch(`${feed.url}/v1/policy`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return response.text();
}
const issuedAtOf = (token: string): number =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).iat;

/** Points the extension at the feed's policy key, as an administrator would (options page), and syncs. */
async function setPolicyKey(options: Page, key: string): Promise<void> {
  await options.getByLabel('Policy public key (ES256, JWK or PEM)').fill(key);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options.getByText('Empowerment policy demo-2026 in force').waitFor({ timeout: 20_000 });
}

describe('empowerment: gestures within limits, approvals, signed policy, offline grants', () => {
  let feed: FeedServer;
  let fixtures: FixtureServer;
  let agent: ExtensionBrowser;
  let options: Page;
  let ticket: Page;
  let panel: Frame;
  /** The first policy the extension took, kept to be served again later (a replay). */
  let firstPolicyToken: string;

  const empowerment = () => panel.locator('section.empowerment');
  const goodwillLine = () => empowerment().locator('li[data-gesture="goodwill"]');
  async function grant(gesture: string, amount: string | null, reason: string): Promise<void> {
    await empowerment()
      .getByRole('combobox', { name: /^Gesture/ })
      .selectOption({ label: gesture });
    if (amount !== null) await empowerment().getByLabel('Amount (EUR)').fill(amount);
    await empowerment().getByLabel('Reason (recorded)').fill(reason);
    await empowerment().getByRole('button', { name: 'Grant' }).click();
    await humanPause();
    await empowerment()
      .getByRole('button', { name: /^Confirm/ })
      .click();
  }
  const syncNow = async () => {
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: `Up to date · ${total} customers` })
      .waitFor({ timeout: 20_000 });
  };

  beforeAll(async () => {
    feed = await startFeedServer({ customers: CUSTOMERS, seed: 'empowerment', token: TOKEN });
    feed.control.put([zoe]);
    fixtures = await startFixtureServer();
    agent = await launchWithExtension();
    options = await configureFeed(agent, { url: feed.url, token: TOKEN }, total);
    await setPolicyKey(options, feed.policy.publicKey);
    firstPolicyToken = await fetchPolicyToken(feed);
    ticket = await agent.context.newPage();
    await ticket.goto(
      fixtures.setInline('zoe', '<!doctype html><meta charset="utf-8"><p>De : zoe.castellane@exemple.fr</p>'),
    );
    expect(await panelHeading(ticket)).toBe('Zoé Castellane');
    panel = await panelFrame(ticket);
  });
  afterAll(async () => {
    await agent?.close();
    await fixtures?.close();
    await feed?.close();
  });

  it('grants a gesture within limits and the budget drops', async () => {
    await expect
      .poll(() => goodwillLine().textContent(), { timeout: 15_000 })
      .toContain('€50.00 left for this customer');
    await grant('Goodwill credit', '20', 'Parcel arrived damaged');
    await empowerment().getByRole('status').filter({ hasText: 'Granted.' }).waitFor();
    await expect
      .poll(() => goodwillLine().textContent(), { timeout: 15_000 })
      .toContain('€30.00 left for this customer');
    await expect.poll(() => feed.gestures.records.length, { timeout: 15_000 }).toBe(1);
    expect(feed.gestures.records[0]).toMatchObject({
      agentId: 'usr_lea',
      customerId: zoe.id,
      size: 2000,
      status: 'granted',
    });
  });

  it('asks above the limit; a supervisor approves in the console; the agent sees it approved', async () => {
    await grant('Goodwill credit', '45', 'Third late delivery this month');
    await empowerment().getByRole('status').filter({ hasText: 'Sent for approval.' }).waitFor();
    await expect.poll(() => feed.gestures.records.at(-1)?.status, { timeout: 15_000 }).toBe('pending');

    const supervisor = await launchWithExtension();
    try {
      const settings = await configureFeed(supervisor, { url: feed.url, token: `${TOKEN}-supervisor` }, total);
      await setPolicyKey(settings, feed.policy.publicKey);
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

  it('refuses a tampered policy with a clear notice and keeps the previous one working', async () => {
    feed.policy.serve({ mode: 'tampered' });
    await syncNow();
    const alert = options.getByRole('alert').filter({ hasText: 'was refused' });
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('signature does not match');
    expect(await alert.textContent()).toContain('The last valid policy (demo-2026) stays in force.');
    // The tampered copy raised every limit; the kept one still says €30 at once.
    await expect.poll(() => goodwillLine().textContent(), { timeout: 15_000 }).toContain('up to €30.00 at once');
    feed.policy.serve({ mode: 'signed' });
  });

  it('refuses a replayed older policy and keeps the newer one in force, with a notice', async () => {
    const first = feed.policy.current();
    // The newer policy is signed in a later second than the kept token, so "older" is unambiguous.
    await expect.poll(() => Date.now() / 1000, { timeout: 5_000 }).toBeGreaterThan(issuedAtOf(firstPolicyToken) + 1);
    const stricter = first.rules.map((rule) =>
      rule.id === 'agent-goodwill' ? { ...rule, maxPerGesture: 2500 } : rule,
    );
    feed.policy.replace({ ...first, id: 'demo-2026-b', rules: stricter });
    await syncNow();
    await options.getByText('Empowerment policy demo-2026-b in force').waitFor({ timeout: 15_000 });
    await expect.poll(() => goodwillLine().textContent(), { timeout: 15_000 }).toContain('up to €25.00 at once');

    feed.policy.serve({ mode: 'raw', token: firstPolicyToken });
    await syncNow();
    const alert = options.getByRole('alert').filter({ hasText: 'An older empowerment policy was refused' });
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('demo-2026-b stays in force');
    expect(await options.getByText('Empowerment policy demo-2026-b in force').count()).toBe(1);
    // The replayed policy allowed €30 at once; the newer one's €25 still holds.
    await syncNow();
    expect(await goodwillLine().textContent()).toContain('up to €25.00 at once');
    feed.policy.serve({ mode: 'signed' });
  });

  it('delivers a grant made offline exactly once when the feed comes back', async () => {
    const port = Number(new URL(feed.url).port);
    const privateJwk = feed.policy.privateJwk;
    await feed.close();
    await grant('Free shipping', null, 'Offered while the line was down');
    await empowerment().getByRole('status').filter({ hasText: 'Granted.' }).waitFor({ timeout: 15_000 });
    const history = empowerment().getByRole('table', { name: 'Already given to this customer' });
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).toContain('not sent yet');

    feed = await startFeedServer({
      customers: CUSTOMERS,
      seed: 'empowerment',
      token: TOKEN,
      port,
      policyKey: privateJwk,
    });
    feed.control.put([zoe]);
    await syncNow();
    await expect.poll(() => feed.gestures.records.length, { timeout: 15_000 }).toBe(1);
    expect(feed.gestures.records[0]).toMatchObject({
      gesture: 'freeShipping',
      reason: 'Offered while the line was down',
    });
    await syncNow();
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).not.toContain('not sent yet');
    expect(feed.gestures.records).toHaveLength(1);
  });
});

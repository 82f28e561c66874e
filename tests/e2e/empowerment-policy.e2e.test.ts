// The signed policy against forgeries, on the reference feed: only it serves a tampered token, or an older token
// as is (a replay). Grants and approvals run against the hub (empowerment.e2e.test.ts).
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  panelFrame,
  panelHeading,
} from '../../scripts/browser';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { goodwillLineOf, setPolicyKey, syncNow, zoe, zoeTicket } from './empowerment-kit';

const CUSTOMERS = 20;
const TOKEN = 'empowerment-token';
const total = CUSTOMERS + 1;

/** The policy token the feed serves now, as anyone holding an agent token can fetch and keep it. */
async function fetchPolicyToken(feed: FeedServer): Promise<string> {
  const response = await fetch(`${feed.url}/v1/policy`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return response.text();
}
const issuedAtOf = (token: string): number =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).iat;

describe('empowerment: a tampered or replayed policy is refused, the valid one kept', () => {
  let feed: FeedServer;
  let fixtures: FixtureServer;
  let agent: ExtensionBrowser;
  let options: Page;
  let panel: Frame;
  /** The first policy the extension took, kept to be served again later (a replay). */
  let firstPolicyToken: string;
  const goodwillLine = () => goodwillLineOf(panel);

  beforeAll(async () => {
    feed = await startFeedServer({ customers: CUSTOMERS, seed: 'empowerment', token: TOKEN });
    feed.control.put([zoe]);
    fixtures = await startFixtureServer();
    agent = await launchWithExtension();
    options = await configureFeed(agent, { url: feed.url, token: TOKEN }, total);
    await setPolicyKey(options, feed.policy.publicKey);
    firstPolicyToken = await fetchPolicyToken(feed);
    const ticket = await agent.context.newPage();
    await ticket.goto(fixtures.setInline('zoe', zoeTicket));
    expect(await panelHeading(ticket)).toBe('Zoé Castellane');
    panel = await panelFrame(ticket);
  });
  afterAll(async () => {
    await agent?.close();
    await fixtures?.close();
    await feed?.close();
  });

  it('refuses a tampered policy with a clear notice and keeps the previous one working', async () => {
    await expect.poll(() => goodwillLine().textContent(), { timeout: 15_000 }).toContain('up to €30.00 at once');
    feed.policy.serve({ mode: 'tampered' });
    await syncNow(options, total);
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
    await syncNow(options, total);
    await options.getByText('Empowerment policy demo-2026-b in force').waitFor({ timeout: 15_000 });
    await expect.poll(() => goodwillLine().textContent(), { timeout: 15_000 }).toContain('up to €25.00 at once');

    feed.policy.serve({ mode: 'raw', token: firstPolicyToken });
    await syncNow(options, total);
    const alert = options.getByRole('alert').filter({ hasText: 'An older empowerment policy was refused' });
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('demo-2026-b stays in force');
    expect(await options.getByText('Empowerment policy demo-2026-b in force').count()).toBe(1);
    // The replayed policy allowed €30 at once; the newer one's €25 still holds.
    await syncNow(options, total);
    expect(await goodwillLine().textContent()).toContain('up to €25.00 at once');
    feed.policy.serve({ mode: 'signed' });
  });
});

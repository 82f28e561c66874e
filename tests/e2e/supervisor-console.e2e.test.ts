// The supervisor's console and the audit view, as a supervisor uses them: a request found through the toolbar's
// count, "can Léa give Claire €45?" answered without typing an id or a minor unit, and the audit filtered by person,
// customer and days, a page at a time.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import { configureFeed, type ExtensionBrowser, launchWithExtension } from '../../scripts/browser';
import { seriousViolations } from './axe';
import { badgeText, daysAgo, postGesture, uploadAudit } from './console-kit';
import { setPolicyKey, zoe } from './empowerment-kit';
import { startTestHub, type TestHub } from './test-hub';

const claire: Customer = {
  id: 'sc_claire',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  name: { given: 'Claire', family: 'Dupont' },
  emails: ['claire.dupont@exemple.fr'],
  loyalty: { tier: 'gold', points: 3200 },
  consent: { personalization: true },
};

describe('the supervisor’s console and audit view', () => {
  let hub: TestHub;
  let supervisor: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    hub = await startTestHub({ customers: 30, seed: 'console', people: [claire, zoe] });
    // Léa, the agent, already gave Zoé €20 and asks to give Claire €45, above what she may give alone.
    await postGesture(hub.url, hub.tokens.agent, {
      customerId: zoe.id,
      gesture: 'goodwill',
      size: 2000,
      reason: 'Parcel arrived damaged',
      approval: false,
    });
    await postGesture(hub.url, hub.tokens.agent, {
      customerId: claire.id,
      gesture: 'goodwill',
      size: 4500,
      reason: 'Third late delivery this month',
      approval: true,
    });
    supervisor = await launchWithExtension();
    options = await configureFeed(supervisor, { url: hub.url, token: hub.tokens.supervisor }, hub.expected);
    await setPolicyKey(options, hub.policyPublicKey);
  });
  afterAll(async () => {
    await supervisor?.close();
    await hub?.close();
  });

  it('answers “can Léa give Claire €45?” with Léa picked from the team and Claire found by search', async () => {
    const console = await supervisor.context.newPage();
    await console.goto(supervisor.extensionUrl('supervisor.html'));
    const checker = console.getByRole('region', { name: 'Can they do it?' });
    await checker.getByLabel('Person').selectOption({ label: 'Léa Martin' });
    await checker.getByRole('combobox', { name: /Find a customer/ }).fill('Claire');
    await checker.getByRole('option', { name: /Claire Dupont/ }).click();
    await checker.getByRole('combobox', { name: 'Gesture' }).selectOption({ label: 'Goodwill credit' });
    await checker.getByLabel('Amount (€)').fill('45');
    await checker.getByRole('button', { name: 'Check' }).click();
    const verdict = checker.getByRole('status');
    await expect
      .poll(() => verdict.textContent(), { timeout: 15_000 })
      .toMatch(/^With approval — Léa Martin giving Goodwill credit €45\.00 to Claire Dupont\./);
    // Within what she may give alone (nothing given to Claire yet: her request waits).
    await checker.getByLabel('Amount (€)').fill('20,00');
    await checker.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => verdict.textContent(), { timeout: 15_000 }).toMatch(/^Yes — .*€20\.00 to Claire Dupont/);
    expect(await console.getByText(/minor units/).count()).toBe(0);
    await console.close();
  });

  it('shows the waiting request as a count on the toolbar icon, and approving it clears the count', async () => {
    await expect.poll(() => badgeText(supervisor), { timeout: 20_000 }).toBe('1');
    const console = await supervisor.context.newPage();
    await console.goto(supervisor.extensionUrl('supervisor.html'));
    const approvals = console.getByRole('table', { name: 'Pending approvals' });
    const row = approvals.getByRole('row', { name: /Third late delivery/ });
    // People and customers by name, the size in its unit.
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('Claire Dupont');
    expect(await row.textContent()).toMatch(/Léa Martin.*Claire Dupont.*Goodwill credit.*€45\.00/);
    await row.getByLabel('Comment').fill('OK, loyal customer');
    await row.getByRole('button', { name: 'Approve' }).click();
    await console.getByText('No request is waiting.').waitFor({ timeout: 15_000 });
    await expect.poll(() => badgeText(supervisor), { timeout: 15_000 }).toBe('');
    await console.close();
  });

  it('charts the history by day and by agent, with totals per agent and per customer, in the range chosen', async () => {
    const console = await supervisor.context.newPage();
    await console.goto(supervisor.extensionUrl('supervisor.html'));
    const history = console.getByRole('region', { name: 'Gesture history' });
    await history.getByRole('button', { name: 'Today' }).click();
    const byAgent = history.getByRole('figure', { name: 'Given per agent' });
    // €20 granted to Zoé and €45 approved for Claire.
    await expect.poll(() => byAgent.textContent(), { timeout: 15_000 }).toContain('Léa Martin2 gestures, €65.00');
    const perCustomer = history.getByRole('table', { name: 'Totals per customer' });
    expect(await perCustomer.getByRole('row', { name: /Claire Dupont/ }).textContent()).toContain('€45.00');
    expect(await history.getByRole('figure', { name: 'Given per day' }).getByRole('listitem').count()).toBe(1);
    await history.getByRole('button', { name: 'Last 30 days' }).click();
    expect(await history.getByRole('figure', { name: 'Given per day' }).getByRole('listitem').count()).toBe(30);
    await history.getByLabel('Person').selectOption({ label: 'Hugo Bernard' });
    await history.getByText('Nothing was asked or given in these days.').waitFor();
    const download = console.waitForEvent('download');
    await history.getByLabel('Person').selectOption({ label: 'Léa Martin' });
    await history.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^reconnu-gestures-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
    expect(await seriousViolations(console)).toEqual([]);
    await console.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(console)).toEqual([]);
    await console.close();
  });

  it('filters the audit by person, customer and days, a page at a time, and says where as the product’s page', async () => {
    const lea = hub.userIds.agent;
    const hugo = hub.userIds.store;
    const view = (customerId: string, at: string, page?: string) =>
      ({
        at,
        user: lea,
        action: 'view',
        customerId,
        where: 'acme.zendesk.com',
        adapter: 'zendesk',
        page,
        foundBy: 'email',
      }) as const;
    await uploadAudit(hub.url, hub.tokens.agent, [
      view(zoe.id, daysAgo(20), 'ticket:4790'),
      view(claire.id, daysAgo(0), 'ticket:4821'),
    ]);
    // Hugo's busy day in the store: more than a page.
    await uploadAudit(
      hub.url,
      hub.tokens.store,
      Array.from({ length: 55 }, (_, index) => ({
        at: new Date(Date.now() - (index + 1) * 60_000).toISOString(),
        user: hugo,
        action: 'view' as const,
        customerId: index === 0 ? claire.id : zoe.id,
        where: 'side panel',
        foundBy: 'card',
      })),
    );
    const audit = await supervisor.context.newPage();
    await audit.goto(supervisor.extensionUrl('audit.html'));
    const team = audit.getByRole('region', { name: 'Team (from the feed)' });
    await team.getByLabel('Person').selectOption({ label: 'Léa Martin' });
    const table = team.getByRole('table', { name: 'Team (from the feed)' });
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(2); // header + today's view
    expect(await table.textContent()).toContain('Zendesk Agent Workspace ticket 4821');
    expect(await table.textContent()).toContain('Claire Dupont');
    await team.getByRole('button', { name: 'Last 30 days' }).click();
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
    expect(await table.textContent()).toContain('Zoé Castellane');

    await team.getByLabel('Person').selectOption({ label: 'Everyone' });
    await team.getByRole('combobox', { name: /Find a customer/ }).fill('Claire');
    await team.getByRole('option', { name: /Claire Dupont/ }).click();
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(3); // Léa's and Hugo's
    expect(await table.textContent()).toContain('Reconnu side panel');
    expect(await table.textContent()).not.toContain('Zoé Castellane');

    await team.getByRole('button', { name: 'Any customer' }).click();
    await team.getByLabel('Person').selectOption({ label: 'Hugo Bernard' });
    // The previous filter's page stays on screen, marked busy, until Hugo's arrives; paging waits for it.
    const settledRows = async () => [await table.getAttribute('aria-busy'), await table.getByRole('row').count()];
    await expect.poll(settledRows, { timeout: 15_000 }).toEqual(['false', 51]);
    await team.getByRole('button', { name: 'Older' }).click();
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(6);
    expect(await team.getByText('Page 2').count()).toBe(1);
    await team.getByRole('button', { name: 'Newer' }).click();
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(51);
    expect(await seriousViolations(audit)).toEqual([]);
    await audit.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(audit)).toEqual([]);
    await audit.close();
  });

  it('speaks French on both pages, and passes axe there too', async () => {
    await options.getByLabel('Language / Langue').selectOption('fr');
    // The language applies at once, on every page: the options page itself turns French first.
    await options.getByRole('button', { name: 'Synchroniser' }).waitFor();
    const console = await supervisor.context.newPage();
    await console.goto(supervisor.extensionUrl('supervisor.html'));
    await console.getByRole('heading', { name: 'Console des gestes' }).waitFor();
    await console.getByText('Accordés par agent').waitFor();
    expect(await seriousViolations(console)).toEqual([]);
    const audit = await supervisor.context.newPage();
    await audit.goto(supervisor.extensionUrl('audit.html'));
    await audit.getByRole('heading', { name: 'Journal des consultations' }).waitFor();
    await audit.getByRole('button', { name: '30 derniers jours' }).click();
    await audit.getByLabel('Personne').selectOption({ label: 'Léa Martin' });
    const table = audit.getByRole('table', { name: 'Équipe (depuis le flux)' });
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('ticket Zendesk Agent Workspace 4821');
    expect(await seriousViolations(audit)).toEqual([]);
  });
});

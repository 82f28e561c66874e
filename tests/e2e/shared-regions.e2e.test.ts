import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  panelFrame,
  panelHeading,
} from '../../scripts/browser';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { corpusAgent, corpusCustomers } from '../recognition/corpus';
import { startTestHub, type TestHub } from './test-hub';

// An agent's pick on one browser becomes, once a supervisor shares it from the console, what another browser
// prefers on that site: the next ticket opens by itself there too.

const GENERATED = 50;

const byId = (id: string): Customer => {
  const found = corpusCustomers().find((person) => person.id === id);
  if (!found) throw new Error(`The corpus has no ${id}.`);
  return found;
};
const nameOf = (person: Customer) => `${person.name?.given} ${person.name?.family}`;

/** A ticket whose customer writes in the conversation while another customer is mentioned beside it. */
const ticket = (mine: Customer, other: Customer) => `<!doctype html><meta charset="utf-8">
  <main><section class="conversation"><p>Bonjour, ${mine.emails?.[0]} ici.</p></section>
  <section class="related"><p>Voir aussi ${other.emails?.[0]}</p></section></main>`;

describe('page regions shared with the team', () => {
  let hub: TestHub;
  let fixtures: FixtureServer;
  let agent: ExtensionBrowser;
  let supervisor: ExtensionBrowser;
  const customers = GENERATED + corpusCustomers().length;

  beforeAll(async () => {
    hub = await startTestHub({
      customers: GENERATED,
      seed: 'shared-regions',
      agent: corpusAgent(),
      people: corpusCustomers(),
    });
    fixtures = await startFixtureServer();
    agent = await launchWithExtension();
    supervisor = await launchWithExtension();
    await configureFeed(agent, hub.agentFeed, customers);
    await configureFeed(supervisor, { url: hub.url, token: hub.tokens.supervisor }, customers);
  });
  afterAll(async () => {
    await agent?.close();
    await supervisor?.close();
    await fixtures?.close();
    await hub?.close();
  });

  const regions = async (token: string) => {
    const response = await fetch(`${hub.url}/v1/regions`, { headers: { Authorization: `Bearer ${token}` } });
    return ((await response.json()) as { regions: { region: string; status: string }[] }).regions;
  };

  it('an agent’s pick is proposed; once the supervisor shares it, another browser opens the next ticket by itself', async () => {
    const [first, second, third, fourth] = [
      'rc_camille_lefevre',
      'rc_bastien_leroy',
      'rc_anna_schmidt',
      'rc_gerard_lemaire',
    ].map(byId) as [Customer, Customer, Customer, Customer];

    // The supervisor's browser, which never picked anyone there, hesitates on the site's second ticket.
    const before = await supervisor.context.newPage();
    await before.goto(fixtures.setInline('shared-2', ticket(third, fourth)));
    expect(await panelHeading(before)).toBe('Several customers match');
    await before.close();

    const page = await agent.context.newPage();
    await page.goto(fixtures.setInline('shared-1', ticket(first, second)));
    expect(await panelHeading(page)).toBe('Several customers match');
    await (await panelFrame(page)).getByRole('button', { name: new RegExp(nameOf(first)) }).click();
    await (await panelFrame(page)).locator('h1', { hasText: nameOf(first) }).waitFor();
    const options = await agent.context.newPage();
    await options.goto(agent.extensionUrl('options.html'));
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => regions(hub.tokens.supervisor), { timeout: 30_000 }).toHaveLength(1);
    const [proposed] = await regions(hub.tokens.supervisor);
    expect(proposed?.status).toBe('pending');
    expect(proposed?.region).toContain('section.conversation');
    // Agents see only what was shared; nothing yet.
    expect(await regions(hub.tokens.agent)).toEqual([]);
    // Page text never leaves in a region: neither the customer's address nor their name.
    expect(JSON.stringify(proposed)).not.toMatch(/@|camille|lefevre/i);

    const console = await supervisor.context.newPage();
    await console.goto(supervisor.extensionUrl('supervisor.html'));
    const row = console.getByRole('row', { name: /section\.conversation/ });
    await row.getByRole('button', { name: 'Share', exact: true }).click();
    await row.getByText('Shared', { exact: true }).waitFor();
    expect((await regions(hub.tokens.agent)).map((region) => region.status)).toEqual(['approved']);

    const after = await supervisor.context.newPage();
    await after.goto(fixtures.setInline('shared-3', ticket(third, fourth).replace('ici', 'encore ici')));
    expect(await panelHeading(after)).toBe(nameOf(third));
  });

  it('only supervisors decide: an agent’s decision is refused by the hub', async () => {
    const response = await fetch(`${hub.url}/v1/regions/decide`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.tokens.agent}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ site: '127.0.0.1', region: 'main||p', verdict: 'approve' }),
    });
    expect(response.status).toBe(403);
  });
});

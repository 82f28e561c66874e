// A host page attacking Reconnu as an attacker would: its own frame of the panel, fetching the extension's files,
// watching the page for the panel's reactions, a faded panel over decoys, and a compromised content-script world.
import type { Page } from 'playwright-core';
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
import { generateCustomer } from '../../scripts/feed-server/generator';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { contentScriptWorld, pageReactions } from './attacker';
import { inStore, startTestHub, type TestHub } from './test-hub';

const CUSTOMERS = 40;
const SEED = 'attacks';
const TOKEN = 'attacks-token';
const anna: Customer = inStore({
  id: 'at_anna',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  name: { given: 'Anna', family: 'Lindqvist' },
  emails: ['anna.lindqvist@exemple.fr'],
  phones: ['06 48 27 91 58'],
});

describe('a hostile page against the panel and the extension', () => {
  let hub: TestHub;
  let fixtures: FixtureServer;
  let browser: ExtensionBrowser;

  const ticket = async (html: string, name = `t${Math.random().toString(36).slice(2)}`): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.setInline(name, `<!doctype html><meta charset="utf-8"><body>${html}</body>`));
    return page;
  };

  beforeAll(async () => {
    const customers = Array.from({ length: CUSTOMERS }, (_, index) => inStore(generateCustomer(SEED, index)));
    hub = await startTestHub({ customers: 0, seed: SEED, people: [...customers, anna] });
    fixtures = await startFixtureServer();
    browser = await launchWithExtension();
    // The store role: contacts are masked, which the clickjacking below tries to undo.
    await configureFeed(browser, { url: hub.url, token: hub.tokens.store }, CUSTOMERS + 1);
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await hub?.close();
  });

  it('cannot fetch the panel to learn Reconnu is installed, nor frame it to read whom the tab recognized', async () => {
    const page = await ticket('<p>De : anna.lindqvist@exemple.fr</p>');
    expect(await panelHeading(page)).toBe('Anna Lindqvist');
    const attempt = await page.evaluate(async (id) => {
      const url = `chrome-extension://${id}/panel.html`;
      let fetched = 'blocked';
      try {
        fetched = `read ${(await (await fetch(url)).text()).length} characters`;
      } catch {}
      const frame = document.createElement('iframe');
      frame.id = 'attacker';
      frame.src = url;
      frame.style.cssText = 'width:400px;height:400px';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
      return fetched;
    }, browser.extensionId);
    // Whatever the page's frame holds, it is not the tab's customer (the browser's frame tree can look inside it;
    // the page itself would read it from focus and blur).
    const frame = await (await page.$('#attacker'))?.contentFrame();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const framed = (await frame?.evaluate(() => document.body?.textContent ?? '').catch(() => '')) ?? '';
    expect({ fetched: attempt, framedTheCustomer: framed.includes('Anna'), url: frame?.url() }).toEqual({
      fetched: 'blocked',
      framedTheCustomer: false,
      url: expect.not.stringMatching(/panel\.html/),
    });

    // Had the per-session URL leaked, a frame of it, with or without a guessed key, is still told nothing.
    const secretUrl = await browser.worker.evaluate(() => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return api.runtime.getURL('/panel.html');
    });
    for (const guess of ['', `#${crypto.randomUUID()}`]) {
      await page.evaluate((url) => {
        const frame = document.createElement('iframe');
        frame.id = 'leaked';
        frame.src = url;
        document.getElementById('leaked')?.remove();
        document.body.append(frame);
      }, secretUrl + guess);
      const leaked = await (await page.waitForSelector('#leaked')).contentFrame();
      await leaked?.locator('main').waitFor();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await leaked?.locator('body').textContent()).not.toContain('Anna');
    }
    await page.close();
  });

  it('learns nothing from the page while customers and strangers are looked up: no style, focus or timing', async () => {
    const page = await ticket('<main id="ticket"><p>Ticket #4821</p></main>');
    const people = [0, 1, 2, 3].map((index) => generateCustomer(SEED, index));
    const known = people.map((person) => person.emails?.[0] as string);
    const names = new Map(people.map((person) => [person.emails?.[0], `${person.name?.given} ${person.name?.family}`]));
    const strangers = [0, 1, 2, 3].map((index) => `nobody.${index}@example.net`);
    const watch = await pageReactions(page);
    // The first identifier docks the panel: that the page may see, whoever it is.
    await page.evaluate(() => {
      const line = document.createElement('p');
      line.textContent = 'De : first.contact@example.net';
      document.getElementById('ticket')?.append(line);
    });
    expect(await panelHeading(page)).toBe('Unknown customer');
    await watch.reset();
    for (const email of [...known, ...strangers].sort()) {
      await page.evaluate((address) => {
        const ticket = document.getElementById('ticket') as HTMLElement;
        ticket.textContent = '';
        const line = document.createElement('p');
        line.textContent = `De : ${address}`;
        ticket.append(line);
      }, email);
      const frame = await panelFrame(page);
      await frame
        .locator('h1', { hasText: names.get(email) ?? 'Unknown customer' })
        .first()
        .waitFor();
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const reactions = await watch.read();
    expect(reactions).toEqual({ styleChanges: 0, focusEvents: 0, active: 'BODY' });
    await page.close();
  });

  it("drops the tab's result when its page goes: the next page's panel never shows the previous customer", async () => {
    const page = await ticket('<p>De : anna.lindqvist@exemple.fr</p>');
    expect(await panelHeading(page)).toBe('Anna Lindqvist');
    await page.goto(fixtures.setInline('after', '<!doctype html><meta charset="utf-8"><p>Nothing here</p>'));
    const frame = await panelFrame(page);
    await frame.locator('p, h1').first().waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await frame.locator('body').textContent()).not.toContain('Anna');
    await page.close();
  });

  it('a faded panel over decoys cannot be clicked into revealing contacts', async () => {
    const page = await ticket('<p>De : anna.lindqvist@exemple.fr</p>');
    expect(await panelHeading(page)).toBe('Anna Lindqvist');
    const frame = await panelFrame(page);
    const contacts = frame.locator('section.contacts');
    await expect.poll(() => contacts.textContent()).toContain('a•••@exemple.fr');
    // The attacker's page: its own style fades the panel's host element, and decoys sit where its buttons are.
    await page.addStyleTag({ content: 'reconnu-panel { opacity: 0.03 !important; }' });
    const frameBox = await (await frame.frameElement()).boundingBox();
    const at = async (locator: ReturnType<typeof frame.locator>) => {
      const box = await locator.boundingBox();
      if (!box || !frameBox) throw new Error('no box');
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const revealButton = await at(frame.getByRole('button', { name: 'Reveal contact details' }));
    await page.mouse.click(revealButton.x, revealButton.y);
    const reason = await at(frame.getByLabel('Why do you need them? (recorded)'));
    await page.mouse.click(reason.x, reason.y);
    await page.keyboard.type('Bob Smith, prize winner');
    await humanPause();
    const submit = await at(frame.getByRole('button', { name: 'Reveal', exact: true }));
    await page.mouse.click(submit.x, submit.y);
    await frame.getByRole('alert').filter({ hasText: 'covering or fading' }).waitFor();
    expect(await contacts.textContent()).not.toContain('anna.lindqvist@');
    // The same click on the panel as it really is reveals them: the refusal was the fading, nothing else.
    await page.addStyleTag({ content: 'reconnu-panel { opacity: 1 !important; }' });
    await humanPause();
    // As a user would, clicking again if the first click came before the panel had been seen long enough.
    await expect
      .poll(
        async () => {
          const text = (await contacts.textContent()) ?? '';
          if (!text.includes('anna.lindqvist@')) await page.mouse.click(submit.x, submit.y);
          return text;
        },
        { interval: 700, timeout: 15_000 },
      )
      .toContain('anna.lindqvist@exemple.fr');
    const reveals = async () => (await hub.audit()).filter((entry) => entry.action === 'reveal');
    await expect.poll(async () => (await reveals()).length, { timeout: 15_000 }).toBe(1);
    await page.close();
  });

  it("a compromised content-script world cannot read the extension's storage: token, user, store key", async () => {
    const page = await ticket('<p>De : anna.lindqvist@exemple.fr</p>');
    expect(await panelHeading(page)).toBe('Anna Lindqvist');
    const world = await contentScriptWorld(page);
    const read = await world.evaluate(`chrome.storage.local.get(null).then(
      (items) => JSON.stringify(items), (error) => 'refused: ' + error.message)`);
    expect(read).toMatch(/^refused: /);
    expect(read).not.toContain(hub.tokens.store);
    await world.close();
    await page.close();
  });
});

describe('a feed reached in clear', () => {
  let feed: FeedServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    feed = await startFeedServer({ customers: 5, seed: SEED, token: TOKEN });
    // A feed with a real name on the network, served here: the browser resolves feed.test to this computer.
    browser = await launchWithExtension({ args: ['--host-resolver-rules=MAP feed.test 127.0.0.1'] });
  });
  afterAll(async () => {
    await browser?.close();
    await feed?.close();
  });

  it('is refused before the token or anything else is sent to it', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Feed URL').fill(feed.url.replace('127.0.0.1', 'feed.test'));
    await options.getByLabel('Access token').fill(TOKEN);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText('must start with https://').first().waitFor();
    expect(feed.control.stats()).toEqual({});
    // The same feed on this computer's own address is taken by this test build.
    await options.getByLabel('Feed URL').fill(feed.url);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByRole('status').filter({ hasText: 'Up to date · 5 customers' }).waitFor();
    await options.close();
  });
});

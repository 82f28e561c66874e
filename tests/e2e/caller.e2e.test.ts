import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, panelFrame, panelHeading } from '../../scripts/browser';
import type { FixtureServer } from '../../scripts/fixture-server';
import { callerCustomers } from '../caller/accuracy';
import { type Stack, startStack } from './stack';

const CUSTOMERS = 100;

/** A softphone no adapter knows: the generic "incoming call" detection reads the caller beside the words. */
const incomingCall = (number: string) => `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Téléphonie</title>
  <header role="banner">Standard Maison Lumière · 01 84 60 12 00 · Thomas Girard</header>
  <main><section class="call-card"><h2>Appel entrant</h2><p class="number">${number}</p>
  <button>Décrocher</button><button>Refuser</button></section>
  <aside><h3>Historique</h3><ul><li>06 98 12 44 10 · 09:12</li><li>+33 1 46 90 23 71 · 08:55</li></ul></aside></main>`;

describe('caller recognition: screen pop, shared numbers, partial numbers', () => {
  let stack: Stack;
  let fixtures: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    stack = await startStack({ customers: CUSTOMERS, seed: 'caller', people: callerCustomers() });
    ({ fixtures, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('pops the caller on a page that says "Appel entrant", whatever the format of the number', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.setInline('call-1', incomingCall('+33 (0)6 45 19 82 73')));
    expect(await panelHeading(page)).toBe('Thomas Garnier');
    await page.close();
  });

  it('opens the picker, with hints, on a number several customers share, and chooses nobody', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.setInline('call-2', incomingCall('01 44 55 66 00')));
    expect(await panelHeading(page)).toBe('Several customers match');
    const frame = await panelFrame(page);
    const names = await frame.getByRole('list').getByRole('button').allTextContents();
    expect(names.map((text) => text.replace(/\s+/g, ' ').trim()).sort()).toEqual([
      expect.stringContaining('Aïcha Haddad'),
      expect.stringContaining('Franck Noël'),
      expect.stringContaining('Karine Lemaire'),
    ]);
    await frame.getByRole('button', { name: /Franck Noël/ }).click();
    await frame.locator('h1', { hasText: 'Franck Noël' }).waitFor();
    await page.close();
  });

  it('never selects a customer from a partial or mistyped number', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.setInline('call-3', incomingCall('06 45 19 82 7')));
    expect(await panelHeading(page)).toBe('Unknown customer');
    await page.close();
  });

  it('lists the recent callers in the side panel, and opens a profile from there', async () => {
    const side = await browser.context.newPage();
    await side.goto(browser.extensionUrl('sidepanel.html'));
    const recent = side.getByRole('region', { name: 'Recent callers' });
    await recent.getByRole('button', { name: /Thomas Garnier/ }).click();
    await side.locator('h1', { hasText: 'Thomas Garnier' }).waitFor();
    await side.close();
  });
});

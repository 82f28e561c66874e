import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import type { Customer } from '../../lib/feed/schema';
import {
  allowEsbuildNames,
  chromiumPath,
  configureFeed,
  EXTENSION_DIR,
  launchWithExtension,
  panelFrame,
} from '../browser';
import { startFeedServer } from '../feed-server/server';
import { startFixtureServer } from '../fixture-server';
import { BURST_INTERVAL_MS, busyPageHtml } from './busy-page';
import { msInScripts, profileMainThread } from './cpu-profile';
import { panelPaintedAt } from './paint';
import { percentile, round } from './stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const SWITCHES = 40;
/** Agents do not switch customers faster than this; it also keeps the tab under its lookup rate limit (30/10 s). */
const SWITCH_PAUSE_MS = 400;
const BURST_WINDOW_MS = 10_000;

const people: Customer[] = Array.from({ length: SWITCHES }, (_, index) => ({
  id: `bench_${index}`,
  version: 1,
  updatedAt: '2026-11-01T09:00:00Z',
  name: { given: 'Client', family: `Banc${String.fromCharCode(65 + (index % 26))}${index}` },
  emails: [`client.banc${index}@exemple.fr`],
}));

/** Identifier appears → panel heading painted, for each of the people in turn; plus the page's own next frame. */
async function timeSwitches(page: Page): Promise<{ panel: number[]; hostFrame: number[] }> {
  const frame = await panelFrame(page);
  const panel: number[] = [];
  const hostFrame: number[] = [];
  for (const person of people) {
    const marks = await frame.evaluate(() => performance.getEntriesByName('reconnu:panel-painted').length);
    const [shownAt, nextFrameAt] = await page.evaluate(async (email) => {
      const bench = window as unknown as { __showRequester(e: string): number; __nextFrameAt(): Promise<number> };
      const at = bench.__showRequester(email);
      return [at, await bench.__nextFrameAt()];
    }, person.emails?.[0] as string);
    const name = `${person.name?.given} ${person.name?.family}`;
    await frame.locator('h1', { hasText: name }).waitFor({ timeout: 10_000 });
    await frame.waitForFunction(
      (before) => performance.getEntriesByName('reconnu:panel-painted').length > before,
      marks,
    );
    panel.push((await panelPaintedAt(frame)) - shownAt);
    hostFrame.push(nextFrameAt - shownAt);
    await page.waitForTimeout(SWITCH_PAUSE_MS);
  }
  return { panel, hostFrame };
}

/** Main-thread milliseconds per mutation burst spent in scripts matching `match`, over a quiet 10 s window. */
async function msPerBurst(page: Page, match: (url: string) => boolean): Promise<number> {
  const burstsBefore = await page.evaluate(() => (window as unknown as { __bursts: number }).__bursts);
  const profile = await profileMainThread(page, () => page.waitForTimeout(BURST_WINDOW_MS));
  const bursts = (await page.evaluate(() => (window as unknown as { __bursts: number }).__bursts)) - burstsBefore;
  return msInScripts(profile, match) / Math.max(1, bursts);
}

/** Busy page with 100,000 customers cached: panel latency, host main-thread cost per burst, content script size. */
export async function benchOverlay(): Promise<Record<string, unknown>> {
  const feed = await startFeedServer({ customers: CUSTOMERS, seed: 'bench-overlay', keepPages: true });
  feed.control.put(people);
  const fixtures = await startFixtureServer();
  const url = fixtures.setInline('busy', busyPageHtml());
  const browser = await launchWithExtension();
  try {
    console.log(`syncing ${CUSTOMERS.toLocaleString('en')} customers…`);
    await configureFeed(browser, feed, CUSTOMERS + people.length);
    const page = await browser.context.newPage();
    await page.goto(url);
    await allowEsbuildNames(page);
    await panelFrame(page);
    await page.waitForTimeout(1_000);
    const contentScript = `chrome-extension://${browser.extensionId}/content-scripts/content.js`;
    const quietCost = await msPerBurst(page, (script) => script === contentScript);
    const { panel, hostFrame } = await timeSwitches(page);
    console.log(`panel ms: ${panel.map((ms) => round(ms)).join(' ')}`);

    const plain = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const plainPage = await plain.newPage();
    await plainPage.goto(url);
    await plainPage.waitForTimeout(1_000);
    const pageOwnCost = await msPerBurst(plainPage, (script) => script === url);
    await plain.close();

    const gz = gzipSync(readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'))).length;
    return {
      customers: CUSTOMERS,
      panelP50Ms: round(percentile(panel, 50)),
      panelP95Ms: round(percentile(panel, 95)),
      hostMsPerBurst: round(quietCost, 3),
      contentScriptGzKB: round(gz / 1024, 2),
      burstIntervalMs: BURST_INTERVAL_MS,
      baselineHostFrameP50Ms: round(percentile(hostFrame, 50)),
      baselinePageMsPerBurst: round(pageOwnCost, 3),
    };
  } finally {
    await browser.close();
    await fixtures.close();
    await feed.close();
  }
}

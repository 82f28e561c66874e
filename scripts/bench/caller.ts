import type { Page } from 'playwright-core';
import type { Customer } from '../../lib/feed/schema';
import { casesOf } from '../../tests/adapter-cases';
import { allowEsbuildNames, configureFeed, launchWithExtension, panelFrame } from '../browser';
import { startFeedServer } from '../feed-server/server';
import { startFixtureServer } from '../fixture-server';
import { callerAccuracy } from './caller-accuracy';
import { panelPaintedAt } from './paint';
import { percentile, round } from './stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const CALLS = 40;
/** Calls do not ring faster than this; it also keeps the tab under its lookup rate limit (30 per 10 s). */
const CALL_GAP_MS = 400;

const callers: Customer[] = Array.from({ length: CALLS }, (_, index) => ({
  id: `caller_${index}`,
  version: 1,
  updatedAt: '2026-11-01T09:00:00Z',
  name: { given: 'Appelant', family: `Banc${index}` },
  phones: [`+33 7 ${String(51_00_00_00 + index * 7_919).replace(/(\d\d)(?=\d)/g, '$1 ')}`],
}));

/** A new call rings on the Aircall fixture: its caller number changes; returns when (epoch ms). */
function ring(page: Page, number: string): Promise<number> {
  return page.evaluate((text) => {
    const field = document.querySelector('[data-test="caller-number"]') as HTMLElement;
    const name = document.querySelector('[data-test="contact-name"]') as HTMLElement | null;
    if (name) name.textContent = '';
    field.textContent = text;
    return performance.timeOrigin + performance.now();
  }, number);
}

/** Screen pop on the Aircall fixture with 100,000 customers cached, and accuracy on the labelled caller sets. */
export async function benchCaller(): Promise<Record<string, unknown>> {
  const accuracy = await callerAccuracy();
  const heldOut = await callerAccuracy('held-out.json').catch(() => undefined);
  const feed = await startFeedServer({ customers: CUSTOMERS, seed: 'bench-caller', keepPages: true });
  feed.control.put(callers);
  const fixtures = await startFixtureServer();
  const browser = await launchWithExtension();
  try {
    console.log(`syncing ${CUSTOMERS.toLocaleString('en')} customers…`);
    await configureFeed(browser, feed, CUSTOMERS + callers.length);
    const aircall = casesOf('aircall')[0];
    if (!aircall) throw new Error('No Aircall fixture.');
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('aircall-incoming', new URL(aircall.url).pathname));
    await allowEsbuildNames(page);
    const frame = await panelFrame(page);
    const pops: number[] = [];
    for (const caller of callers) {
      const marks = await frame.evaluate(() => performance.getEntriesByName('reconnu:panel-painted').length);
      const rangAt = await ring(page, caller.phones?.[0] as string);
      await frame.locator('h1', { hasText: `Appelant ${caller.name?.family}` }).waitFor({ timeout: 10_000 });
      await frame.waitForFunction(
        (before) => performance.getEntriesByName('reconnu:panel-painted').length > before,
        marks,
      );
      pops.push((await panelPaintedAt(frame)) - rangAt);
      await page.waitForTimeout(CALL_GAP_MS);
    }
    console.log(`screen pop ms: ${pops.map((ms) => round(ms)).join(' ')}`);
    console.log(`accuracy ${accuracy.right}/${accuracy.cases}; failures: ${JSON.stringify(accuracy.failures)}`);
    if (heldOut)
      console.log(`held-out ${heldOut.right}/${heldOut.cases}; failures: ${JSON.stringify(heldOut.failures)}`);
    return {
      customers: CUSTOMERS,
      p50Ms: round(percentile(pops, 50)),
      p95Ms: round(percentile(pops, 95)),
      accuracy: round(accuracy.accuracy, 4),
      wrongPerson: accuracy.wrongPerson,
      cases: accuracy.cases,
      ...(heldOut && {
        heldOutAccuracy: round(heldOut.accuracy, 4),
        heldOutWrongPerson: heldOut.wrongPerson,
        heldOutCases: heldOut.cases,
      }),
    };
  } finally {
    await browser.close();
    await fixtures.close();
    await feed.close();
  }
}

import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension } from '../browser';
import { customerId } from '../feed-server/generator';
import { startFeedServer } from '../feed-server/server';
import { rawIndexedDbBaseline } from './raw-idb-baseline';
import { percentile, round } from './stats';
import { transferCeiling } from './transfer-ceiling';
import { sampleWorkerHeap } from './worker-heap';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const SEED = 'bench-sync';

/**
 * Resolves once the options page says the store is up to date with `count` customers. Checked every 10 ms in the
 * page: a locator's wait backs off to a check every 500 ms, which would add up to half a second to a timing.
 */
export async function waitForCount(options: Page, count: number): Promise<void> {
  const text = `Up to date · ${count.toLocaleString('en')} customers`;
  await options.waitForFunction(
    (text) => [...document.querySelectorAll('[role="status"]')].some((status) => status.textContent?.includes(text)),
    text,
    { polling: 10, timeout: 600_000 },
  );
}

/** Reads every page of the feed once, as the extension will (so the server has them rendered); returns the cursor. */
export async function fetchAllPages(
  feed: { url: string; token: string },
  limit: number,
  from = '',
): Promise<{ count: number; cursor: string }> {
  let cursor = from;
  let count = 0;
  for (;;) {
    const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${feed.url}/v1/changes?${query}`, {
      headers: { Authorization: `Bearer ${feed.token}` },
    });
    const page = (await response.json()) as { changes: unknown[]; cursor: string; more: boolean };
    count += page.changes.length;
    cursor = page.cursor;
    if (!page.more) return { count, cursor };
  }
}

export async function timedLookups(page: Page, ids: string[]): Promise<number[]> {
  return page.evaluate(async (ids) => {
    type Runtime = { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown } | undefined> };
    const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
    const durations: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      const reply = await runtime.sendMessage({ type: 'getCustomer', id });
      if (!reply?.ok || !reply.data) throw new Error(`Lookup of ${id} failed`);
      durations.push(performance.now() - started);
    }
    return durations;
  }, ids);
}

/** The cost of messaging alone: a request the background answers without touching the store. */
async function timedRoundTrips(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    type Runtime = { sendMessage(message: unknown): Promise<unknown> };
    const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
    const durations: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await runtime.sendMessage({ type: 'search', query: '' });
      durations.push(performance.now() - started);
    }
    return durations;
  }, count);
}

/** Initial sync, delta and lookups through the extension, beside raw IndexedDB writes of the same records. */
export async function benchSync(): Promise<Record<string, unknown>> {
  const feed = await startFeedServer({ customers: CUSTOMERS, seed: SEED, keepPages: true });
  // Render every page once before timing: the figures are the extension's, not the data generator's.
  const warmed = await fetchAllPages(feed, 2000);
  console.log(`feed warmed: ${warmed.count} changes`);
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchWithExtension();
    const heap = await sampleWorkerHeap(browser);
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Feed URL').fill(feed.url);
    await options.getByLabel('Access token').fill(feed.token);
    const started = performance.now();
    await options.getByRole('button', { name: 'Connect' }).click();
    await waitForCount(options, CUSTOMERS);
    const initialMs = performance.now() - started;
    console.log(`initial sync: ${CUSTOMERS} customers in ${round(initialMs)} ms`);

    const delta = await feed.control.mutate({ update: 1000, delete: 100 });
    await fetchAllPages(feed, 2000, warmed.cursor);
    const deltaStarted = performance.now();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await waitForCount(options, CUSTOMERS - delta.deleted.length);
    const deltaMs = performance.now() - deltaStarted;
    console.log(`delta: ${delta.updated.length} changes + ${delta.deleted.length} deletions in ${round(deltaMs)} ms`);
    const swPeakMB = await heap.stop();

    const deleted = new Set(delta.deleted);
    const ids: string[] = [];
    for (let i = 0; ids.length < 1000; i++) {
      const id = customerId((i * 7919) % CUSTOMERS);
      if (!deleted.has(id)) ids.push(id);
    }
    // Let the post-sync housekeeping (pruning superseded copies) finish: lookups are measured at rest.
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_SETTLE_MS ?? 3000)));
    const lookups = await timedLookups(options, ids);
    const roundTrips = await timedRoundTrips(options, 200);
    const baseline = await rawIndexedDbBaseline(options, feed);
    const ceilingPerSec = await transferCeiling(options, feed);
    console.log(
      `baseline: ${baseline.recordsWritten} records, raw ${baseline.rawPerSec}/s, indexed ${baseline.indexedPerSec}/s`,
    );
    return {
      customers: CUSTOMERS,
      customersPerSec: Math.round(CUSTOMERS / (initialMs / 1000)),
      baselinePerSec: baseline.rawPerSec,
      baselineIndexedPerSec: baseline.indexedPerSec,
      ceilingPerSec,
      deltaMs: round(deltaMs),
      lookupP50Ms: round(percentile(lookups, 50), 2),
      lookupP95Ms: round(percentile(lookups, 95), 2),
      messageRoundTripP50Ms: round(percentile(roundTrips, 50), 2),
      swPeakMB,
    };
  } finally {
    await browser?.close();
    await feed.close();
  }
}

import { launchWithExtension } from '../browser';
import { customerId } from '../feed-server/generator';
import { startFeedServer } from '../feed-server/server';
import { percentile, round } from './stats';
import { fetchAllPages, timedLookups, waitForCount } from './sync';
import { attachToWorker } from './worker-cdp';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);

type Spans = Record<string, number[]>;

/**
 * Where a lookup's time goes (lib/debug/timing.ts): the sync bench's initial sync and delta, then lookups right
 * after the delta (while post-sync housekeeping may still run) and again at rest, each with per-step p50/p95.
 */
export async function benchLookupBreakdown(): Promise<Record<string, unknown>> {
  const feed = await startFeedServer({ customers: CUSTOMERS, seed: 'bench-sync', keepPages: true });
  const warmed = await fetchAllPages(feed, 2000);
  const browser = await launchWithExtension();
  try {
    const worker = await attachToWorker(browser);
    const evaluate = async <T>(expression: string): Promise<T> =>
      (await worker.send<{ result: { value: T } }>('Runtime.evaluate', { expression, returnByValue: true })).result
        .value;
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Feed URL').fill(feed.url);
    await options.getByLabel('Access token').fill(feed.token);
    await evaluate('globalThis.__reconnuTiming = {}; 1');
    let started = performance.now();
    await options.getByRole('button', { name: 'Connect' }).click();
    await waitForCount(options, CUSTOMERS);
    const initialMs = round(performance.now() - started);
    const syncSpans = summarize(await evaluate<Spans>('globalThis.__reconnuTiming'));
    await evaluate('globalThis.__reconnuTiming = {}; 1');
    const delta = await feed.control.mutate({ update: 1000, delete: 100 });
    await fetchAllPages(feed, 2000, warmed.cursor);
    started = performance.now();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await waitForCount(options, CUSTOMERS - delta.deleted.length);
    const deltaMs = round(performance.now() - started);
    const deltaSpans = summarize(await evaluate<Spans>('globalThis.__reconnuTiming'));
    const deleted = new Set(delta.deleted);
    const ids: string[] = [];
    for (let i = 0; ids.length < 1000; i++) {
      const id = customerId((i * 7919) % CUSTOMERS);
      if (!deleted.has(id)) ids.push(id);
    }
    const phase = async (slice: string[]) => {
      await evaluate('globalThis.__reconnuTiming = {}; 1');
      const lookups = await timedLookups(options, slice);
      const spans = summarize(await evaluate<Spans>('globalThis.__reconnuTiming'));
      return { p50: round(percentile(lookups, 50), 2), p95: round(percentile(lookups, 95), 2), spans };
    };
    const afterDelta = await phase(ids.slice(0, 300));
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_SETTLE_MS ?? 3000)));
    const housekeeping = summarize(await evaluate<Spans>('globalThis.__reconnuTiming'));
    const atRest = await phase(ids.slice(300));
    await worker.close();
    console.log(JSON.stringify({ syncSpans, deltaSpans, housekeeping }, null, 1));
    console.log(JSON.stringify({ afterDelta, atRest }, null, 1));
    return { customers: CUSTOMERS, initialMs, deltaMs, afterDelta: afterDelta.p50, atRest: atRest.p50 };
  } finally {
    await browser.close();
    await feed.close();
  }
}

function summarize(spans: Spans): Record<string, string> {
  return Object.fromEntries(
    Object.entries(spans).map(([name, values]) => [
      name,
      `n=${values.length} sum=${round(values.reduce((a, b) => a + b, 0))} p50=${round(percentile(values, 50), 2)} p95=${round(percentile(values, 95), 2)}`,
    ]),
  );
}

import type { Page } from 'playwright-core';
import { allowEsbuildNames, configureFeed, launchWithExtension } from '../browser';
import { startFeedServer } from '../feed-server/server';
import { type SearchQuery, searchQueries } from './search-queries';
import { percentile, round } from './stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const SEED = 'bench-search';

/** Every query through the side panel's messaging to the background search, timed, with the ids it returned. */
function timedSearches(page: Page, queries: SearchQuery[]): Promise<{ ms: number; ids: string[] }[]> {
  return page.evaluate(
    async (texts) => {
      type Runtime = { sendMessage(message: unknown): Promise<{ ok: boolean; data?: { id: string }[] }> };
      const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
      const results: { ms: number; ids: string[] }[] = [];
      for (const query of texts) {
        const started = performance.now();
        const reply = await runtime.sendMessage({ type: 'search', query });
        results.push({ ms: performance.now() - started, ids: (reply.data ?? []).map((found) => found.id) });
      }
      return results;
    },
    queries.map((query) => query.query),
  );
}

/**
 * Baseline: the same records held in the page, scanned linearly for each query (folded name contains every word,
 * email starts with, a phone ends with the digits, card or order number equals).
 */
async function linearScan(page: Page, feed: { url: string; token: string }, queries: SearchQuery[]): Promise<number[]> {
  return page.evaluate(
    async ({ url, token, texts }) => {
      const fold = (text: string) =>
        text
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase();
      type Row = { name: string; emails: string[]; phones: string[]; card: string; orders: string[] };
      type Feed = {
        name?: { given?: string; family?: string };
        emails?: string[];
        phones?: string[];
        loyalty?: { card?: string };
        orders?: { number: string }[];
      };
      const rows: Row[] = [];
      let cursor = '';
      for (;;) {
        const query = `limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await fetch(`${url}/v1/changes?${query}`, { headers: { Authorization: `Bearer ${token}` } });
        const page = (await response.json()) as { changes: Feed[]; cursor: string; more: boolean };
        for (const c of page.changes) {
          rows.push({
            name: fold(`${c.name?.given ?? ''} ${c.name?.family ?? ''}`),
            emails: (c.emails ?? []).map((email) => email.toLowerCase()),
            phones: (c.phones ?? []).map((phone) => phone.replace(/\D/g, '')),
            card: c.loyalty?.card ?? '',
            orders: (c.orders ?? []).map((order) => order.number),
          });
        }
        cursor = page.cursor;
        if (!page.more) break;
      }
      const durations: number[] = [];
      for (const text of texts) {
        const started = performance.now();
        const words = fold(text).split(/\s+/);
        const digits = text.replace(/\D/g, '');
        const found = rows.filter(
          (row) =>
            words.every((word) => row.name.includes(word)) ||
            row.emails.some((email) => email.startsWith(text.toLowerCase())) ||
            (digits.length >= 4 && row.phones.some((phone) => phone.endsWith(digits))) ||
            row.card === text ||
            row.orders.includes(text),
        );
        durations.push(performance.now() - started);
        if (found.length < 0) throw new Error('unreachable'); // keeps the filter from being optimized away
      }
      return durations;
    },
    { url: feed.url, token: feed.token, texts: queries.map((query) => query.query) },
  );
}

/** 1,000 mixed side-panel searches over 100,000 cached customers, beside a linear scan in the page. */
export async function benchSearch(): Promise<Record<string, unknown>> {
  const queries = searchQueries(SEED, CUSTOMERS);
  const feed = await startFeedServer({ customers: CUSTOMERS, seed: SEED, keepPages: true });
  const browser = await launchWithExtension();
  try {
    console.log(`syncing ${CUSTOMERS.toLocaleString('en')} customers…`);
    await configureFeed(browser, feed, CUSTOMERS);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // let post-sync housekeeping finish
    const side = await browser.context.newPage();
    await side.goto(browser.extensionUrl('sidepanel.html'));
    await allowEsbuildNames(side);
    const results = await timedSearches(side, queries);
    const names = queries.flatMap((query, i) => (query.kind === 'name-typo' && query.unique ? [i] : []));
    const firstRight = names.filter((i) => results[i]?.ids[0] === queries[i]?.expectedId).length;
    const foundAt20 = queries.filter((query, i) => results[i]?.ids.includes(query.expectedId)).length;
    const baseline = await linearScan(side, feed, queries);
    const byKind = new Map<string, number[]>();
    queries.forEach((query, i) => {
      byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), results[i]?.ms ?? 0]);
    });
    for (const [kind, ms] of byKind)
      console.log(`${kind}: p50 ${round(percentile(ms, 50))} ms, p95 ${round(percentile(ms, 95))} ms`);
    const missed = names.filter((i) => results[i]?.ids[0] !== queries[i]?.expectedId).slice(0, 10);
    console.log(`name queries not first: ${missed.map((i) => `"${queries[i]?.query}"`).join(', ')}`);
    const ms = results.map((result) => result.ms);
    return {
      customers: CUSTOMERS,
      queries: queries.length,
      p50Ms: round(percentile(ms, 50)),
      p95Ms: round(percentile(ms, 95)),
      baselineP95Ms: round(percentile(baseline, 95)),
      top1Accuracy: round(firstRight / Math.max(1, names.length), 4),
      nameQueries: names.length,
      foundInResults: round(foundAt20 / queries.length, 4),
    };
  } finally {
    await browser.close();
    await feed.close();
  }
}

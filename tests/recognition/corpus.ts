// Runs the recognition corpus through the built extension in Chromium: each page served at its product's path on
// 127.0.0.1, generic detection alone or under its product's adapter, and what the panel opened on, judged.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Customer, Me } from '../../lib/feed/schema';
import { panelPaintedAt } from '../../scripts/bench/paint';
import { type ExtensionBrowser, panelFrame } from '../../scripts/browser';

const ROOT = import.meta.dirname;
/** Pages written by labellers who never read the detection code, of products the corpus does not hold. */
export const HELD_OUT_SETS = ['held-out', 'held-out-2', 'held-out-3'].map((folder) => join(ROOT, folder));

export interface CorpusCase {
  file: string;
  product: string;
  kind: string;
  adapter: string | null;
  url: string;
  expect: string | null;
  decoys: string[];
  why: string;
  /** The folder the page is in (the corpus's, or the held-out set's). */
  folder?: string;
  /** The labeller's own doubt about `expect`: such a page is reported, never counted as a wrong person. */
  disputed?: string;
}

export type Verdict = 'auto-correct' | 'picker' | 'wrong-person' | 'unknown-correct' | 'missed';

export interface Outcome {
  file: string;
  product: string;
  mode: 'generic' | 'adapter';
  expect: string | null;
  /** The customer the panel opened on, 'picker', or null when it named nobody. */
  got: string | null;
  verdict: Verdict;
  /** The labeller doubted the expected answer (see CorpusCase). */
  disputed?: boolean;
  /** Page loaded → panel painted, when the panel showed anything. */
  ms?: number;
}

export const corpusCases = (folder = ROOT): CorpusCase[] =>
  (JSON.parse(readFileSync(join(folder, 'cases.json'), 'utf8')) as CorpusCase[]).map((entry) => ({ ...entry, folder }));
export const corpusCustomers = (folder = ROOT): Customer[] =>
  JSON.parse(readFileSync(join(folder, 'customers.json'), 'utf8'));
export const heldOutCases = (): CorpusCase[] => HELD_OUT_SETS.flatMap((folder) => corpusCases(folder));
export const heldOutCustomers = (): Customer[] => HELD_OUT_SETS.flatMap((folder) => corpusCustomers(folder));
export const corpusAgent = (): Me => JSON.parse(readFileSync(join(ROOT, 'me.json'), 'utf8'));

/**
 * Serves each page at its product's path (and the framed documents at /__frames/), each on its own 127.0.0.1 port:
 * pages of webmails share a path and differ by their hash, and each page is then a site of its own.
 */
export async function startCorpusServer(cases: readonly CorpusCase[]) {
  const servers = new Map<string, Server>();
  const origins = new Map<string, string>();
  for (const entry of cases) {
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const framed = /^\/__frames\/([\w.-]+\.html)$/.exec(url.pathname)?.[1];
      const page = new URL(entry.url);
      const file = framed ? join('frames', framed) : url.pathname === page.pathname ? entry.file : undefined;
      if (!file) return void response.writeHead(404).end('no such page');
      const html = readFileSync(join(entry.folder ?? ROOT, 'pages', file), 'utf8');
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    servers.set(entry.file, server);
    origins.set(entry.file, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    urlOf: (entry: CorpusCase) => {
      const { pathname, search, hash } = new URL(entry.url);
      return origins.get(entry.file) + pathname + search + hash;
    },
    // The browser keeps its connections open: closing waits for none of them.
    close: () =>
      Promise.all(
        [...servers.values()].map((server) => {
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeAllConnections();
          return closed;
        }),
      ),
  };
}

/** Adapters on or off (a settings change starts a sync: only when it changes). */
async function setAdapters(browser: ExtensionBrowser, adaptersOff: boolean): Promise<void> {
  await browser.worker.evaluate(async (off) => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const { settings } = await api.storage.local.get('settings');
    if ((settings as { adaptersOff?: boolean }).adaptersOff === off) return;
    await api.storage.local.set({ settings: { ...(settings as object), adaptersOff: off } });
  }, adaptersOff);
}

/** The sites' memory wiped: each page is judged as the first of its site. */
async function forgetSites(browser: ExtensionBrowser): Promise<void> {
  await browser.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    await api.storage.local.remove(['siteMemory']);
  });
}

/** The latest profile view the extension audited (of a page of `host`, when given): its sequence number and customer. */
export function lastViewed(
  browser: ExtensionBrowser,
  host?: string,
): Promise<{ seq: number; customerId: string } | null> {
  return browser.worker.evaluate(
    (where) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('reconnu-audit');
        // Not created yet: creating it here would block the extension's own upgrade of it.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('entries')) {
            db.close();
            return resolve(null);
          }
          const cursor = db.transaction('entries').objectStore('entries').openCursor(null, 'prev');
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const entry = cursor.result?.value as { seq: number; customerId: string; where?: string } | undefined;
            if (entry && where !== undefined && entry.where !== where) return cursor.result?.continue();
            db.close();
            resolve(entry ? { seq: entry.seq, customerId: entry.customerId } : null);
          };
        };
      }),
    host,
  );
}

const HEADING_TIMEOUT = 4_000;

/** What the panel of `page` opened on: a customer's id, 'picker', or null when it named nobody. */
async function panelOutcome(browser: ExtensionBrowser, page: Page, viewedBefore: number) {
  const frame = await panelFrame(page);
  const heading = frame.locator('h1').first();
  try {
    await heading.waitFor({ timeout: HEADING_TIMEOUT });
  } catch {
    return { got: null };
  }
  const text = (await heading.textContent())?.trim() ?? '';
  const ms = await panelPaintedAt(frame);
  if (text === 'Several customers match') return { got: 'picker', paintedAt: ms };
  if (text === 'Unknown customer') return { got: null, paintedAt: ms };
  // Each page is a site of its own (its port), viewed there once: its audited view names the customer.
  const host = new URL(page.url()).host;
  for (let tries = 0; tries < 40; tries++) {
    const viewed = await lastViewed(browser, host);
    if (viewed && viewed.seq > viewedBefore) return { got: viewed.customerId, paintedAt: ms };
    await page.waitForTimeout(50);
  }
  throw new Error(`The panel shows ${text} but no view was audited.`);
}

export function judge(expected: string | null, got: string | null): Verdict {
  if (got === 'picker') return 'picker';
  if (got === null) return expected === null ? 'unknown-correct' : 'missed';
  return got === expected ? 'auto-correct' : 'wrong-person';
}

/**
 * Runs the cases in a fresh tab each, `concurrency` tabs at a time (one for the bench, whose paint timings must not
 * share the machine), each page on a port of its own for this run: a site the extension has not seen (its views are
 * audited once per site and customer). Outcomes come in the order of the cases.
 */
export async function runCorpus(
  browser: ExtensionBrowser,
  all: readonly CorpusCase[],
  mode: 'generic' | 'adapter',
  { concurrency = 1 }: { concurrency?: number } = {},
): Promise<Outcome[]> {
  const cases = all.filter((entry) => mode === 'generic' || entry.adapter);
  const server = await startCorpusServer(cases);
  const outcomes: Outcome[] = [];
  await setAdapters(browser, mode === 'generic');
  // Ports may be reused from an earlier run: what the extension learned of a site then must not weigh now.
  await forgetSites(browser);
  const before = (await lastViewed(browser))?.seq ?? 0;
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < cases.length; at = next++) {
      const entry = cases[at] as CorpusCase;
      outcomes[at] = await runCase(browser, { entry, url: server.urlOf(entry), mode, viewedBefore: before });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await server.close();
  return outcomes;
}

interface CaseRun {
  entry: CorpusCase;
  url: string;
  mode: Outcome['mode'];
  /** The audit's last sequence number before this run: a view of the same site from an earlier run is not this. */
  viewedBefore: number;
}

async function runCase(browser: ExtensionBrowser, { entry, url, mode, viewedBefore }: CaseRun): Promise<Outcome> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url);
    const loadedAt = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return performance.timeOrigin + (navigation?.domContentLoadedEventEnd ?? 0);
    });
    const { got, paintedAt } = await panelOutcome(browser, page, viewedBefore);
    return {
      file: entry.file,
      product: entry.product,
      mode,
      expect: entry.expect,
      got,
      verdict: judge(entry.expect, got),
      ...(entry.disputed && { disputed: true }),
      ...(paintedAt !== undefined && { ms: Math.max(0, paintedAt - loadedAt) }),
    };
  } finally {
    await page.close();
  }
}

// What the benchmark's clients do over HTTP: push batches as a retailer's ETL would, and sync as the extension does.
import { percentile, round } from '../stats';

/** The extension's page size (lib/sync/engine.ts). */
const PAGE_SIZE = 2000;

export interface SyncRun {
  changes: number;
  pages: number;
  ms: number;
  pageMs: number[];
}

/** One client's full sync from scratch through /v1/changes, gzip accepted as the browser does. */
export async function fullSync(server: { url: string; token: string }): Promise<SyncRun> {
  const started = performance.now();
  const pageMs: number[] = [];
  let cursor: string | undefined;
  let changes = 0;
  for (;;) {
    const pageStarted = performance.now();
    const query = `limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${server.url}/v1/changes?${query}`, {
      headers: { Authorization: `Bearer ${server.token}`, 'Accept-Encoding': 'gzip' },
    });
    if (!response.ok) throw new Error(`GET /v1/changes answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { changes: unknown[]; cursor: string; more: boolean };
    pageMs.push(performance.now() - pageStarted);
    changes += page.changes.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  return { changes, pages: pageMs.length, ms: performance.now() - started, pageMs };
}

/** `clients` full syncs at once: aggregate pages per second and the p95 of a page. */
export async function concurrentSyncs(server: { url: string; token: string }, clients: number) {
  const started = performance.now();
  const runs = await Promise.all(Array.from({ length: clients }, () => fullSync(server)));
  const seconds = (performance.now() - started) / 1000;
  const pages = runs.reduce((sum, run) => sum + run.pages, 0);
  return {
    clients,
    pagesPerSec: round(pages / seconds),
    pageP95Ms: round(
      percentile(
        runs.flatMap((run) => run.pageMs),
        95,
      ),
    ),
    seconds: round(seconds),
  };
}

/** Pushes NDJSON batches one after the other; customers per second over the whole push. */
export async function push(hub: { url: string; token: string }, batches: readonly string[], count: number) {
  const started = performance.now();
  for (const body of batches) {
    const response = await fetch(`${hub.url}/v1/admin/customers`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.token}`, 'Content-Type': 'application/x-ndjson' },
      body,
    });
    const answer = (await response.json()) as { accepted?: number; rejected?: unknown[] };
    if (!response.ok || answer.rejected?.length) {
      throw new Error(`push answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { customers: count, customersPerSec: Math.round(count / seconds), seconds: round(seconds) };
}

/** Agents for the grants: created through the admin API, as an administrator would. */
export async function createAgents(hub: { url: string; token: string }, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${hub.url}/v1/admin/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `agent${index}@bench.test`, name: `Agent ${index}`, role: 'agent' }),
    });
    if (response.status !== 201) throw new Error(`creating an agent answered ${response.status}`);
    tokens.push(((await response.json()) as { accessToken: string }).accessToken);
  }
  return tokens;
}

/** One €10 goodwill grant: the stored record's status, or the HTTP status when refused. */
async function grantOnce(url: string, token: string, customerId: string, key: string): Promise<string> {
  const response = await fetch(`${url}/v1/gestures`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({
      customerId,
      gesture: 'goodwill',
      size: 1000,
      currency: 'EUR',
      reason: 'late parcel',
      channel: 'phone',
      approval: false,
    }),
  });
  const record = (await response.json()) as { status?: string };
  return response.ok ? (record.status ?? 'unknown') : `http ${response.status}`;
}

interface GrantRun {
  url: string;
  agents: readonly string[];
  customerIds: readonly string[];
}

/** One grant per customer, the nth sent after `gapMs` × n (0: all at once): each one's latency, and the outcomes. */
async function timedGrants({ url, agents, customerIds }: GrantRun, { gapMs, key }: { gapMs: number; key: string }) {
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  await Promise.all(
    customerIds.map(async (customerId, index) => {
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, index * gapMs));
      const sent = performance.now();
      const status = await grantOnce(url, agents[index % agents.length] as string, customerId, `${key}-${index}`);
      latencies.push(performance.now() - sent);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
  );
  return {
    grants: customerIds.length,
    grantP50Ms: round(percentile(latencies, 50)),
    grantP95Ms: round(percentile(latencies, 95)),
    outcomes: Object.fromEntries(statuses),
  };
}

/** Goodwill grants at once, spread over the agents and over as many customers: p95 of one grant. */
export async function concurrentGrants(run: GrantRun) {
  const started = performance.now();
  const timed = await timedGrants(run, { gapMs: 0, key: 'bench' });
  return { ...timed, seconds: round((performance.now() - started) / 1000, 2) };
}

/**
 * The same grants spread evenly over `seconds` (200 over 10 s: 20 a second, each agent once) instead of at once:
 * the latency of one grant when they do not all queue behind one another.
 */
export async function pacedGrants(run: GrantRun, seconds: number) {
  const timed = await timedGrants(run, { gapMs: (seconds * 1000) / run.customerIds.length, key: 'paced' });
  return { ...timed, perSecond: round(run.customerIds.length / seconds) };
}

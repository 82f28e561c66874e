import type { Page } from 'playwright-core';
import { customersQuery, KNOWN_CUSTOM_FIELDS } from '../../lib/connectors/vendure/queries';
import { allowEsbuildNames, configureVendure, launchWithExtension } from '../browser';
import { adminGraphQL } from '../vendure/graphql';
import { startVendure } from '../vendure/start';
import { percentile, round } from './stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 200);
const VIEWS = Number(process.env.BENCH_VIEWS ?? 200);

interface Timing {
  liveMs: number;
  cacheMs: number;
  liveName: string;
  cacheName: string;
}

/**
 * Each view, in the same extension page and for the same customer, in alternating order: live, as integrations that
 * query the platform on every view do (the connector's own profile query, by the email on screen, through Vendure's
 * Admin API), and from the cache, as the side panel does (search by the email, then the profile, both answered by
 * the background from IndexedDB). Rendering is the same for both and left out.
 */
function timedViews(page: Page, adminApi: string, auth: Record<string, string>, emails: string[]): Promise<Timing[]> {
  const query = customersQuery(KNOWN_CUSTOM_FIELDS);
  return page.evaluate(
    async ({ adminApi, auth, emails, query }) => {
      type Reply = { ok: boolean; data?: unknown };
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } })
        .chrome.runtime;
      const live = async (email: string) => {
        const started = performance.now();
        const response = await fetch(adminApi, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...auth },
          body: JSON.stringify({ query, variables: { options: { take: 5, filter: { emailAddress: { eq: email } } } } }),
        });
        const body = (await response.json()) as { data: { customers: { items: { firstName: string }[] } } };
        return { ms: performance.now() - started, name: body.data.customers.items[0]?.firstName ?? '' };
      };
      const cached = async (email: string) => {
        const started = performance.now();
        const found = (await runtime.sendMessage({ type: 'search', query: email })) as Reply & {
          data: { id: string }[];
        };
        const id = found.data?.[0]?.id;
        const profile = id ? await runtime.sendMessage({ type: 'getCustomer', id }) : undefined;
        const data = profile?.data as { customer: { name?: { given: string } } } | undefined;
        return { ms: performance.now() - started, name: data?.customer.name?.given ?? '' };
      };
      const timings = [];
      for (const [i, email] of emails.entries()) {
        const first = i % 2 === 0 ? await live(email) : await cached(email);
        const second = i % 2 === 0 ? await cached(email) : await live(email);
        const [l, c] = i % 2 === 0 ? [first, second] : [second, first];
        timings.push({ liveMs: l.ms, cacheMs: c.ms, liveName: l.name, cacheName: c.name });
      }
      return timings;
    },
    { adminApi, auth, emails, query },
  );
}

/** Live Vendure Admin API on every view versus Reconnu's local cache, same customers, same page, same run. */
export async function benchLiveVsCache(): Promise<Record<string, unknown>> {
  const vendure = await startVendure({ customers: CUSTOMERS });
  const browser = await launchWithExtension();
  try {
    const { data } = await adminGraphQL<{ customers: { items: { emailAddress: string }[] } }>(
      vendure.adminApi,
      { token: vendure.token },
      `{ customers(options: { take: ${CUSTOMERS} }) { items { emailAddress } } }`,
    );
    const all = data.customers.items.map((customer) => customer.emailAddress);
    const emails = Array.from({ length: VIEWS }, (_, i) => all[(i * 7919) % all.length] as string);
    // The session token: the faster of Vendure's two credentials (an API key is checked with bcrypt on each call).
    const options = await configureVendure(browser, { adminApi: vendure.adminApi, token: vendure.token }, CUSTOMERS);
    await allowEsbuildNames(options);
    const bearer = { Authorization: `Bearer ${vendure.token}` };
    await timedViews(options, vendure.adminApi, bearer, emails.slice(0, 10)); // warm-up, not counted
    const timings = await timedViews(options, vendure.adminApi, bearer, emails);
    const mismatches = timings.filter((timing) => timing.liveName !== timing.cacheName || !timing.cacheName).length;
    if (mismatches > 0) throw new Error(`${mismatches} views found a different customer live and in the cache.`);
    const withKey = await timedViews(
      options,
      vendure.adminApi,
      { 'vendure-api-key': vendure.apiKey },
      emails.slice(0, 20),
    );
    const live = timings.map((timing) => timing.liveMs);
    const cache = timings.map((timing) => timing.cacheMs);
    const liveP95Ms = round(percentile(live, 95), 2);
    const cacheP95Ms = round(percentile(cache, 95), 2);
    console.log(
      `${VIEWS} views of ${CUSTOMERS} Vendure customers: live p95 ${liveP95Ms} ms, cache p95 ${cacheP95Ms} ms`,
    );
    return {
      customers: CUSTOMERS,
      views: VIEWS,
      liveP50Ms: round(percentile(live, 50), 2),
      liveP95Ms,
      cacheP50Ms: round(percentile(cache, 50), 2),
      cacheP95Ms,
      ratio: round(liveP95Ms / cacheP95Ms, 1),
      liveApiKeyP50Ms: round(
        percentile(
          withKey.map((timing) => timing.liveMs),
          50,
        ),
        1,
      ),
    };
  } finally {
    await browser.close();
    await vendure.stop();
  }
}

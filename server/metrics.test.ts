// /metrics behind its own token, with request counts, durations and the feed's counters and no customer data; and the
// per-token rate limit (429 with Retry-After), which leaves other tokens and the probes alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, upload, userIdOf } from './test/audit-entries';
import { testDatabases } from './test/databases';
import { customer, startTestHub, type TestHub } from './test/hub-fixture';

const METRICS_TOKEN = 'metrics-token-for-the-tests';
const LIMIT = 5;

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`metrics and rate limits on ${database.name}`, () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub(await database.open(), { metricsToken: METRICS_TOKEN, rateLimitPerMinute: LIMIT });
    });
    afterAll(() => hub?.close());

    const scrape = (token: string | null = METRICS_TOKEN) =>
      hub.request('/metrics', { as: null, headers: token ? { Authorization: `Bearer ${token}` } : {} });

    it('serves Prometheus text to the metrics token only, without customer data', async () => {
      for (const token of [null, 'wrong', hub.tokens.admin]) {
        const refused = await scrape(token);
        expect(refused.status).toBe(401);
        expect(await refused.json()).toMatchObject({ error: 'unauthorized' });
      }
      await hub.request('/v1/admin/customers', { json: { customers: [customer('cus_secret', 1, 'Zéphyrine')] } });
      await hub.request('/v1/changes', { as: 'supervisor' });
      await hub.request('/v1/nowhere/cus_secret', { as: 'store' });
      const entries = await chain({ device: 'dev-m', user: await userIdOf(hub, 'agent'), count: 2 });
      await upload(hub, entries);
      const response = await scrape();
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      expect(text).toContain('hub_http_requests_total{route="/v1/admin/customers",method="POST",status="200"} 1');
      expect(text).toContain('hub_http_requests_total{route="unmatched",method="GET",status="404"} 1');
      expect(text).toContain('hub_http_request_duration_seconds_bucket{le="+Inf",route="/v1/changes",method="GET"} 1');
      expect(text).toContain('hub_process_resident_memory_bytes');
      expect(text).toContain('hub_http_request_duration_seconds_count{route="/v1/changes",method="GET"} 1');
      expect(text).toMatch(/^hub_customers_pushed_total 1$/m);
      expect(text).toMatch(/^hub_changes_served_total 1$/m);
      expect(text).toMatch(/^hub_audit_entries_accepted_total 2$/m);
      expect(text).not.toMatch(/cus_|Zéphyrine|dev-m|usr_|rch_/);
    });

    it('answers 429 with Retry-After once a token passes its limit, and not other tokens or the probes', async () => {
      // Within two one-minute windows at most, 2 × LIMIT + 1 requests must meet the limit.
      const statuses: number[] = [];
      let limited: Response | undefined;
      while (!limited && statuses.length < 2 * LIMIT + 1) {
        const response = await hub.request('/v1/storage-key', { as: 'store' });
        statuses.push(response.status);
        if (response.status === 429) limited = response;
        else await response.body?.cancel();
      }
      if (!limited) throw new Error(`never limited: ${statuses.join(' ')}`);
      expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await limited.json()).toMatchObject({
        error: 'rate_limited',
        message: expect.stringContaining(`${LIMIT}`),
      });
      expect(await (await hub.request('/v1/storage-key', { as: 'supervisor' })).json()).toHaveProperty('secret');
      for (let i = 0; i < 2 * LIMIT; i++) {
        for (const response of [await hub.request('/healthz', { as: null }), await scrape()]) {
          expect(response.status).toBe(200);
          await response.text();
        }
      }
    });
  });
}

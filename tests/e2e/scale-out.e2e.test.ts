// Two hub processes on one PostgreSQL server, as behind a load balancer: the browser syncs through one while a
// retailer's ETL writes through the other, and the browser ends with exactly what the hubs hold. Nothing one process
// knows is missing from the other (tokens, storage secrets, the feed and its cursors).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureFeed, type ExtensionBrowser, launchWithExtension, waitUpToDate } from '../../scripts/browser';
import { customerId, generateCustomer } from '../../scripts/feed-server/generator';
import { addUserToken, type HubPlace, type HubProcess, serveHub } from '../../server/test/hub-process';
import { createServerDatabase, type PostgresCluster, startPostgresCluster } from '../../server/test/postgres-cluster';
import { localCustomers } from './local-store';

const INITIAL = 6_000;

const ndjson = (records: unknown[]) => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;

describe('two hubs on one PostgreSQL', () => {
  let cluster: PostgresCluster;
  let hubs: HubProcess[] = [];
  let browser: ExtensionBrowser | undefined;
  let admin = '';
  let agent = '';
  const dataDirs: string[] = [];

  const push = async (hub: HubProcess, records: unknown[]) => {
    const response = await fetch(`${hub.url}/v1/admin/customers`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/x-ndjson' },
      body: ndjson(records),
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    if ('unavailable' in cluster) throw new Error(cluster.unavailable);
    const databaseUrl = await createServerDatabase(cluster.url);
    const place = (): HubPlace => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hub-scale-'));
      dataDirs.push(dataDir);
      return { dataDir, databaseUrl };
    };
    admin = await addUserToken(place(), { email: 'admin@example.org', name: 'Admin', role: 'admin' });
    agent = await addUserToken(place(), { email: 'lea@example.org', name: 'Léa Martin', role: 'agent' });
    hubs = await Promise.all([serveHub(place()), serveHub(place())]);
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(hubs.map((hub) => hub.stop()));
    if (cluster && !('unavailable' in cluster)) cluster.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same person the same answers from either process', async () => {
    const [first, second] = hubs as [HubProcess, HubProcess];
    const ask = (hub: HubProcess, path: string) =>
      fetch(`${hub.url}${path}`, { headers: { Authorization: `Bearer ${agent}` } }).then((response) => response.json());
    expect(await ask(first, '/v1/storage-key')).toEqual(await ask(second, '/v1/storage-key'));
    expect(await ask(first, '/v1/me')).toEqual(await ask(second, '/v1/me'));
  });

  it('syncs through one hub while writes arrive through the other, and ends level with both', async () => {
    const [reading, writing] = hubs as [HubProcess, HubProcess];
    await push(
      writing,
      Array.from({ length: INITIAL }, (_, index) => generateCustomer('scale', index)),
    );
    const options = await configureFeed(browser as ExtensionBrowser, { url: reading.url, token: agent });
    // While the first sync pages through `reading`: updates, deletions and new customers through `writing`.
    const updated = Array.from({ length: 300 }, (_, index) => generateCustomer('scale', index, 2));
    const deleted = Array.from({ length: 200 }, (_, index) => ({
      id: customerId(1_000 + index),
      deleted: true,
      deletedAt: '2026-11-20T10:00:00Z',
    }));
    const added = Array.from({ length: 250 }, (_, index) => generateCustomer('scale', INITIAL + index));
    for (const records of [updated, deleted, added]) await push(writing, records);

    const expected = INITIAL - deleted.length + added.length;
    // The first sync may have ended before the last writes; the next one brings them.
    await options.getByRole('status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 120_000 });
    await options.getByRole('button', { name: 'Sync now' }).click();
    await waitUpToDate(options, expected);
    const local = new Map(await localCustomers(options));
    expect(local.size).toBe(expected);
    expect(local.get(customerId(0))).toBe(2);
    expect(local.get(customerId(299))).toBe(2);
    expect(local.get(customerId(300))).toBe(1);
    expect(local.has(customerId(1_000))).toBe(false);
    expect(local.has(customerId(1_199))).toBe(false);
    expect(local.get(customerId(INITIAL + 249))).toBe(1);
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type RecordedRequest, type RecordedResponse, startReplayServer } from '../../../tests/replay-server';
import { FeedError } from '../../feed/client';
import { type ChangesPage, parseChange } from '../../feed/schema';
import { decodeCursor, encodeCursor } from '../cursor';
import { createVendureConnector, sweepPeriodMs, type VendureOptions } from './connector';
import { bucketOf } from './fingerprints';
import { initialState, vendureStateSchema } from './state';

// Contract tests: the connector against Vendure Admin API responses recorded from a real server
// (scripts/vendure/record-fixtures.ts), replayed over real HTTP.

const fixture = (name: string): RecordedResponse =>
  JSON.parse(readFileSync(new URL(`../../../tests/fixtures/vendure/${name}.json`, import.meta.url), 'utf8'));

interface Call {
  operation: string;
  variables: { options?: Record<string, unknown> };
  headers: RecordedRequest['headers'];
}

/** Parses each GraphQL request; `answer` picks the recording for it. */
async function vendure(answer: (call: Call) => RecordedResponse) {
  const calls: Call[] = [];
  const server = await startReplayServer((request) => {
    const { query, variables } = JSON.parse(request.body) as { query: string; variables: Call['variables'] };
    const call = { operation: /^query (\w+)/.exec(query)?.[1] ?? 'anonymous', variables, headers: request.headers };
    calls.push(call);
    return answer(call);
  });
  servers.push(server);
  return { url: `${server.url}/admin-api`, calls, requests: server.requests };
}

/** The recorded shop: one page of customers, two orders, their customers, and the sweep's address stamps. */
function recordedShop(call: Call, overrides: Partial<Record<string, RecordedResponse>> = {}): RecordedResponse {
  const byId = (call.variables.options?.filter as { id?: { in: string[] } } | undefined)?.id?.in;
  if (call.operation === 'ReconnuServerConfig') return overrides.config ?? fixture('server-config');
  if (call.operation === 'ReconnuOrderStamps') return overrides.orders ?? fixture('order-stamps');
  if (call.operation === 'ReconnuCustomers') {
    return byId ? (overrides.byId ?? fixture('customers-by-id')) : (overrides.customers ?? fixture('customers-page'));
  }
  if (call.operation === 'ReconnuAddressStamps') {
    // The confirmation of deletions asks for ids the listing did not show: they are gone.
    if (byId) return { ...fixture('address-stamps'), body: { data: { customers: { totalItems: 0, items: [] } } } };
    return overrides.addresses ?? fixture('address-stamps');
  }
  throw new Error(`unexpected ${call.operation}`);
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const settings = (url: string, token = 'c5c4e3960f1bdd45d537fd37:secret', channelToken = '') =>
  ({ kind: 'vendure', url, token, channelToken }) as const;
const context = (stored: string[] = [], now = Date.now()) => ({
  storedIds: async () => stored,
  now: () => new Date(now),
});

/** Pages until the connector rests; returns every page. */
async function run(options: VendureOptions, url: string, cursor: string | null, ctx = context()) {
  const connector = createVendureConnector(settings(url), options);
  const pages: ChangesPage[] = [];
  for (let more = true; more; ) {
    const page = await connector.fetchChanges(cursor, 2000, undefined, ctx);
    pages.push(page);
    cursor = page.cursor;
    more = page.more;
    if (pages.length > 20) throw new Error('the connector does not rest');
  }
  return pages;
}

describe('the Vendure connector (recorded Admin API)', () => {
  it('reads customers, then the customers of changed orders, then sweeps deletions, and rests', async () => {
    const shop = await vendure((call) => recordedShop(call));
    const pages = await run({}, shop.url, null, context(['vendure:1', 'vendure:2', 'vendure:3', 'vendure:77']));
    const changes = pages.flatMap((page) => page.changes);
    expect(changes.map((change) => parseChange(change).ok)).not.toContain(false);
    expect(changes.map((change) => (change as { id: string }).id)).toEqual([
      'vendure:1',
      'vendure:2',
      'vendure:3',
      'vendure:3',
      'vendure:5',
      'vendure:77',
    ]);
    expect(changes.at(-1)).toMatchObject({ id: 'vendure:77', deleted: true });
    expect(pages[0]?.remaining).toBe(0);
    expect(shop.calls.map((call) => call.operation)).toEqual([
      'ReconnuServerConfig',
      'ReconnuCustomers',
      'ReconnuOrderStamps',
      'ReconnuCustomers',
      'ReconnuAddressStamps',
      'ReconnuAddressStamps',
    ]);
    const [, customers, orders, byId, sweep, confirm] = shop.calls;
    expect(customers?.variables.options).toEqual({ take: 100, sort: { updatedAt: 'ASC' } });
    // The first run read every customer with its orders: the orders pass starts from when it began.
    const ordersFilter = orders?.variables.options?.filter as { updatedAt: { after: string } } | undefined;
    const ordersAfter = ordersFilter?.updatedAt.after ?? '';
    expect(Date.now() - Date.parse(ordersAfter)).toBeLessThan(60_000);
    expect(byId?.variables.options).toEqual({ filter: { id: { in: ['3', '5'] } }, take: 2 });
    expect(sweep?.variables.options).toEqual({ skip: 0, take: 500, sort: { id: 'ASC' } });
    expect(confirm?.variables.options).toEqual({ filter: { id: { in: ['77'] } }, take: 1 });
  });

  it('sends an API key as vendure-api-key, a session token as a bearer, and the channel token', async () => {
    const shop = await vendure((call) => recordedShop(call));
    const ctx = context();
    await createVendureConnector(settings(shop.url)).fetchChanges(null, 50, undefined, ctx);
    await createVendureConnector(settings(shop.url, 'Bearer 0a1b2c3d', 'eu-shop')).fetchChanges(
      null,
      50,
      undefined,
      ctx,
    );
    const [keyed, , bearer] = shop.calls;
    expect(keyed?.headers['vendure-api-key']).toBe('c5c4e3960f1bdd45d537fd37:secret');
    expect(keyed?.headers.authorization).toBeUndefined();
    expect(keyed?.headers['vendure-token']).toBeUndefined();
    expect(bearer?.headers.authorization).toBe('Bearer 0a1b2c3d');
    expect(bearer?.headers['vendure-api-key']).toBeUndefined();
    expect(bearer?.headers['vendure-token']).toBe('eu-shop');
  });

  it('resumes from the saved cursor: the next run asks only for later changes, then skips the sweep', async () => {
    const shop = await vendure((call) => recordedShop(call));
    const first = await run({}, shop.url, null);
    shop.calls.length = 0;
    await run({}, shop.url, first.at(-1)?.cursor ?? null);
    const [config, customers, orders] = shop.calls;
    expect(config?.operation).toBe('ReconnuServerConfig');
    expect(customers?.variables.options).toEqual({
      take: 100,
      sort: { updatedAt: 'ASC' },
      filter: { updatedAt: { after: '2026-11-26T16:38:23.000Z' } },
    });
    expect(orders?.operation).toBe('ReconnuOrderStamps');
    expect(shop.calls.map((call) => call.operation)).not.toContain('ReconnuAddressStamps');
  });

  it('resumes inside a busy second: that instant again, by id, from just before the last one read', async () => {
    const shop = await vendure((call) => recordedShop(call));
    const at = '2026-11-26T16:38:23.000Z';
    const cursor = encodeCursor({
      ...initialState,
      customers: { since: null, window: { at, skip: 100, lastId: '2' }, rewind: null },
    });
    const page = await createVendureConnector(settings(shop.url)).fetchChanges(cursor, 2000, undefined, context());
    expect(shop.calls[1]?.variables.options).toEqual({
      take: 100,
      skip: 80,
      sort: { id: 'ASC' },
      filter: { updatedAt: { between: { start: '2026-11-26T16:38:22.999Z', end: at } } },
    });
    // The recorded page holds ids 1, 2, 3: what follows the last id read (2) is new.
    expect(page.changes.map((change) => (change as { id: string }).id)).toEqual(['vendure:3']);
    expect(decodeCursor(page.cursor, vendureStateSchema).customers).toMatchObject({ since: at, window: null });
  });

  it('reads again, after a sweep, the customers whose addresses changed', async () => {
    const shop = await vendure((call) => recordedShop(call));
    const first = await run({ sweepEveryMs: 0 }, shop.url, null);
    const moved = fixture('address-stamps');
    const body = structuredClone(moved.body) as {
      data: { customers: { items: { id: string; addresses: { updatedAt: string }[] }[] } };
    };
    const second = body.data.customers.items.find((item) => item.id === '2');
    if (second?.addresses[0]) second.addresses[0].updatedAt = '2026-11-26T17:00:00.000Z';
    const shop2 = await vendure((call) => recordedShop(call, { addresses: { ...moved, body } }));
    await run({ sweepEveryMs: 0 }, shop2.url, first.at(-1)?.cursor ?? null);
    const refresh = shop2.calls.filter((call) => call.operation === 'ReconnuCustomers').at(-1);
    const sameBucket = ['1', '2', '3'].filter((id) => bucketOf(id) === bucketOf('2'));
    const refreshFilter = refresh?.variables.options?.filter as { id: { in: string[] } } | undefined;
    expect(refreshFilter?.id.in).toEqual(sameBucket);
  });

  it('selects only the custom fields the shop defines, as scalars', async () => {
    const config = fixture('server-config');
    const body = structuredClone(config.body) as {
      data: {
        globalSettings: { serverConfig: { entityCustomFields: { entityName: string; customFields: object[] }[] } };
      };
    };
    const customer = body.data.globalSettings.serverConfig.entityCustomFields.find((e) => e.entityName === 'Customer');
    if (customer) {
      customer.customFields = [
        { name: 'loyaltyTier', type: 'string', list: false },
        { name: 'notes', type: 'relation', list: false },
      ];
    }
    const shop = await vendure((call) => recordedShop(call, { config: { ...config, body } }));
    await createVendureConnector(settings(shop.url)).fetchChanges(null, 50, undefined, context());
    const sent = JSON.parse(shop.requests[1]?.body ?? '{}') as { query: string };
    expect(sent.query).toMatch(/customFields \{ loyaltyTier \}/);
  });

  it('refuses a cursor it cannot read with a 400, so the engine starts over', async () => {
    const shop = await vendure((call) => recordedShop(call));
    const reading = createVendureConnector(settings(shop.url)).fetchChanges('not-a-cursor', 50, undefined, context());
    await expect(reading).rejects.toMatchObject({ status: 400, retryable: false });
  });

  it('maps refusals and failures onto the engine policy', async () => {
    const refused = await vendure(() => fixture('who-am-i-refused'));
    const forbidden = createVendureConnector(settings(refused.url)).fetchChanges(null, 50, undefined, context());
    await expect(forbidden).rejects.toMatchObject({ status: 403, retryable: false });
    await expect(createVendureConnector(settings(refused.url)).whoAmI()).rejects.toThrow(/ReadCustomer/);

    const invalid = await vendure(() => fixture('invalid-query'));
    const rejected = createVendureConnector(settings(invalid.url)).fetchChanges(null, 50, undefined, context());
    await expect(rejected).rejects.toMatchObject({ status: 422, retryable: false });

    const down = await vendure(() => ({ status: 503, headers: { 'Retry-After': '7' }, body: 'Service Unavailable' }));
    const error = await createVendureConnector(settings(down.url))
      .fetchChanges(null, 50, undefined, context())
      .catch((failure: FeedError) => failure);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ status: 503, retryable: true, retryAfterMs: 7000 });
  });

  it('names an administrator, or an API key by its lookup id, as an agent', async () => {
    const admin = await vendure(() => fixture('who-am-i-admin'));
    expect(await createVendureConnector(settings(admin.url, 'token')).whoAmI()).toEqual({
      id: 'vendure:admin:1',
      name: 'Super Admin',
      email: 'superadmin',
      role: 'agent',
    });
    const key = await vendure(() => fixture('who-am-i-api-key'));
    expect(await createVendureConnector(settings(key.url)).whoAmI()).toEqual({
      id: 'vendure:api-key:c5c4e3960f1bdd45d537fd37',
      name: 'Vendure API key c5c4e396',
      email: '',
      role: 'agent',
    });
  });
});

describe('sweepPeriodMs', () => {
  it('sweeps a small shop at every sync and spends at most 5 % of the time sweeping a large one', () => {
    expect(sweepPeriodMs(0)).toBe(30_000);
    expect(sweepPeriodMs(400)).toBe(30_000);
    expect(sweepPeriodMs(100_000)).toBe(2_000_000);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeCursor } from '../../lib/connectors/cursor';
import { BULK_CUSTOMERS_QUERY } from '../../lib/connectors/shopify/queries';
import { stateSchema } from '../../lib/connectors/shopify/state';
import { FeedError } from '../../lib/feed/client';
import { type Customer, parseChange } from '../../lib/feed/schema';
import { fixture, jsonlFile, operationOf, shopifyAnswer, shopifyReplay, sourceContext } from './replay';

type Replay = Awaited<ReturnType<typeof shopifyReplay>>;
let replay: Replay | undefined;
afterEach(async () => {
  await replay?.server.close();
  replay = undefined;
});

const bulkScript = {
  ReconnuBulkRun: ['bulk-run-created.json'],
  ReconnuBulkStatus: ['bulk-running.json', 'bulk-completed.json'],
  ReconnuRefunds: ['refunds.json'],
  ReconnuCustomers: ['customers-empty.json'],
  ReconnuChangedOrders: ['orders-empty.json'],
};

const byteOfLine = (line: number) =>
  Buffer.from(jsonlFile.toString('utf8').split('\n').slice(0, line).join('\n')).length + 1;

describe('Shopify first sync through a bulk operation', () => {
  it('starts the export, polls it while running, then streams the JSONL file into pages with their children', async () => {
    replay = await shopifyReplay(bulkScript);
    const connector = replay.connector();
    const first = await connector.fetchChanges(null, 2, undefined, sourceContext());

    const run = replay.server.requests[0];
    expect(run && operationOf(run).variables).toEqual({ query: BULK_CUSTOMERS_QUERY });
    expect(run?.headers['x-shopify-access-token']).toBe('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');
    expect(run?.url.pathname).toBe('/admin/api/2025-10/graphql.json');
    // Polled while RUNNING, waiting in between, then downloaded from the start.
    expect(replay.calls()).toEqual([
      'ReconnuBulkRun',
      'ReconnuBulkStatus',
      'ReconnuBulkStatus',
      'GET',
      'ReconnuRefunds',
    ]);
    expect(replay.waits).toEqual([1_000]);
    expect(replay.server.requests[3]?.headers.range).toBe('bytes=0-');
    expect(replay.server.requests[3]?.headers['x-shopify-access-token']).toBeUndefined();

    expect(first.more).toBe(true);
    expect(first.remaining).toBe(2);
    const [elise, marc] = first.changes as Customer[];
    expect(marc).toMatchObject({ id: 'gid://shopify/Customer/7002', emails: ['marc.dubois@example.com'] });
    expect(marc?.preferences).toEqual({ channel: 'phone' });
    expect(elise).toMatchObject({
      id: 'gid://shopify/Customer/7001',
      updatedAt: '2025-10-28T16:05:12Z',
      name: { given: 'Élise', family: 'Lefèvre' },
      emails: ['elise.lefevre@example.fr'],
      phones: ['+33612345678'],
      language: 'fr',
      customerSince: '2021-03-14T10:22:31Z',
      addresses: [
        { line1: '12 Rue de Rivoli', postalCode: '75004', city: 'Paris', country: 'FR', phone: '+33145678910' },
      ],
      loyalty: { tier: 'VIP', points: 1250, card: 'ML-004512' },
      consent: { personalization: true },
      stores: ['Paris Rivoli'],
      preferences: {
        sizes: { shoes: '38', tops: 'S' },
        brands: ['Veja', 'Sézane'],
        channel: 'email',
        notes: 'Préfère être appelée en fin de journée',
      },
    });
    // Orders are the __parentId children, most recent first; the refund read for #1004 gives the returned units.
    expect(elise?.orders?.map((order) => [order.number, order.channel, order.status, order.total])).toEqual([
      ['#1004', 'web', 'partially_refunded', { amount: 60, currency: 'EUR' }],
      ['#1001', 'store', 'shipped', { amount: 214, currency: 'EUR' }],
    ]);
    expect(elise?.orders?.[0]?.lines).toEqual([
      { sku: 'SEZ-TSHIRT-S', title: 'T-shirt Lulu', quantity: 2, unitPrice: 45, returned: 1 },
      { sku: 'SEZ-SOCK', title: 'Chaussettes rayées', quantity: 1, unitPrice: 15 },
    ]);
    expect(operationOf(replay.server.requests[4] as never).variables).toEqual({ ids: ['gid://shopify/Order/5004'] });
  });

  it('goes on incrementally from when the export started; valid records pass, the malformed one is quarantined', async () => {
    replay = await shopifyReplay(bulkScript);
    const connector = replay.connector();
    const pages = [];
    let cursor: string | null = null;
    do {
      const page = await connector.fetchChanges(cursor, 2, undefined, sourceContext());
      pages.push(page);
      cursor = page.cursor;
    } while (pages.at(-1)?.more && pages.length < 10);
    expect(pages.at(-1)?.more).toBe(false);

    const state = decodeCursor(cursor as string, stateSchema);
    expect(state).toMatchObject({ phase: 'customers', customers: { since: '2025-11-03T09:00:00Z' } });
    const customersQuery = replay.server.requests.find(
      (request) => request.method === 'POST' && operationOf(request).name === 'ReconnuCustomers',
    );
    expect(customersQuery && operationOf(customersQuery).variables.query).toBe("updated_at:>='2025-11-03T09:00:00Z'");

    const parsed = pages.flatMap((page) => page.changes).map(parseChange);
    expect(parsed.filter((result) => result.ok).map((result) => result.ok && result.change.id)).toEqual([
      'gid://shopify/Customer/7001',
      'gid://shopify/Customer/7002',
      'gid://shopify/Customer/7004',
    ]);
    const rejected = parsed.filter((result) => !result.ok);
    expect(rejected).toEqual([
      { ok: false, id: 'gid://shopify/Customer/7003', reason: expect.stringMatching(/^emails\.0: must not hold/) },
    ]);
    // Sofia: a draft order is a phone order; her tag refuses personalization; unreadable sizes are left out.
    const sofia = parsed.find((result) => result.ok && result.change.id.endsWith('/7004'));
    expect(sofia?.ok && sofia.change).toMatchObject({
      consent: { personalization: false },
      loyalty: { tier: 'Gold', points: 0 },
      orders: [{ number: '#1003', channel: 'phone', status: 'processing' }],
    });
    expect(sofia?.ok && 'preferences' in sofia.change && sofia.change.preferences).toEqual({ channel: 'sms' });
  });

  it('resumes from a saved cursor in a new worker, with a fresh URL once the signed one has expired', async () => {
    replay = await shopifyReplay(bulkScript);
    const saved = (await replay.connector().fetchChanges(null, 2, undefined, sourceContext())).cursor;
    expect(decodeCursor(saved, stateSchema)).toMatchObject({ op: 'gid://shopify/BulkOperation/720918', line: 8 });
    const before = replay.calls().length;

    replay.expireDownloads(1);
    // A new connector, as after the service worker was killed: nothing but the cursor carries over.
    const page = await replay.connector().fetchChanges(saved, 2, undefined, sourceContext());

    expect(replay.calls().slice(before)).toEqual(['GET', 'ReconnuBulkStatus', 'GET']);
    expect(replay.server.requests.at(-1)?.headers.range).toBe(`bytes=${byteOfLine(8)}-`);
    expect(page.changes.map((change) => (change as Customer).id)).toEqual([
      'gid://shopify/Customer/7003',
      'gid://shopify/Customer/7004',
    ]);
    expect(decodeCursor(page.cursor, stateSchema)).toMatchObject({ phase: 'customers' });
  });

  it('joins its own export already running, and waits clearly when another one of the app is running', async () => {
    const ours = fixture('current-bulk-other.json') as { data: { currentBulkOperation: Record<string, unknown> } };
    const running = { ...ours.data.currentBulkOperation, id: 'gid://shopify/BulkOperation/720918' };
    replay = await shopifyReplay({
      ...bulkScript,
      ReconnuBulkRun: ['bulk-run-in-progress.json'],
      ReconnuCurrentBulk: [
        shopifyAnswer({ data: { currentBulkOperation: { ...running, query: BULK_CUSTOMERS_QUERY } } }),
      ],
    });
    const joined = await replay.connector().fetchChanges(null, 2, undefined, sourceContext());
    expect(replay.calls().slice(0, 3)).toEqual(['ReconnuBulkRun', 'ReconnuCurrentBulk', 'ReconnuBulkStatus']);
    expect(decodeCursor(joined.cursor, stateSchema)).toMatchObject({ startedAt: '2025-11-03T08:58:12Z' });
    await replay.server.close();

    replay = await shopifyReplay({
      ReconnuBulkRun: ['bulk-run-in-progress.json'],
      ReconnuCurrentBulk: ['current-bulk-other.json'],
    });
    const error = await replay
      .connector()
      .fetchChanges(null, 10, undefined, sourceContext())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 60_000 });
    expect((error as FeedError).message).toMatch(/Another bulk export of this app is running.*720870/);
  });

  it('starts a new export when one fails, and reads page by page after three failures in a row', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    replay = await shopifyReplay({
      ...bulkScript,
      ReconnuBulkStatus: ['bulk-failed.json'],
      ReconnuCustomers: ['customers-page-2.json'],
    });
    const connector = replay.connector();
    let cursor: string | null = null;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const page = await connector.fetchChanges(cursor, 10, undefined, sourceContext());
      expect(page).toMatchObject({ changes: [], more: true });
      cursor = page.cursor;
      expect(decodeCursor(cursor, stateSchema)).toMatchObject({ phase: 'bulk', op: null, failures: attempt });
    }
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/BulkOperation\/720918 is FAILED TIMEOUT/));
    const fallback = await connector.fetchChanges(cursor, 10, undefined, sourceContext());
    expect(decodeCursor(fallback.cursor, stateSchema)).toMatchObject({
      phase: 'customers',
      customers: { since: null },
    });
    const paged = await connector.fetchChanges(fallback.cursor, 10, undefined, sourceContext());
    expect(paged.changes.map((change) => (change as Customer).id)).toEqual(['gid://shopify/Customer/7001']);
    const read = replay.server.requests.at(-2);
    expect(read && operationOf(read)).toMatchObject({ name: 'ReconnuCustomers', variables: { query: null } });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../lib/connectors/cursor';
import { createShopifyConnector } from '../../lib/connectors/shopify/connector';
import type { QueryCost } from '../../lib/connectors/shopify/pacer';
import { cycleFrom } from '../../lib/connectors/shopify/state';
import { FeedError } from '../../lib/feed/client';
import { fixture, NOW, shopifyAnswer, shopifyReplay, sourceContext } from './replay';

type Replay = Awaited<ReturnType<typeof shopifyReplay>>;
let replay: Replay | undefined;
afterEach(async () => {
  await replay?.server.close();
  replay = undefined;
});

const since = '2025-11-03T09:00:00Z';
const cycle = encodeCursor(cycleFrom(since, since, new Date(NOW.getTime() + 3_600_000).toISOString()));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('Shopify errors and throttling', () => {
  it('turns a throttled answer into a retryable error timed by the throttle status, then paces the retry', async () => {
    replay = await shopifyReplay({ ReconnuCustomers: ['throttled.json', 'customers-empty.json'] });
    const connector = replay.connector();
    const error = await failure(connector.fetchChanges(cycle, 100, undefined, sourceContext()));

    // Wait until the bucket holds the query's requested cost plus the half kept in reserve.
    const { cost } = (fixture('throttled.json') as { extensions: { cost: QueryCost } }).extensions;
    const { maximumAvailable, currentlyAvailable, restoreRate } = cost.throttleStatus;
    const needed = Math.min(maximumAvailable, cost.requestedQueryCost + maximumAvailable / 2);
    const expected = Math.ceil(((needed - currentlyAvailable) / restoreRate) * 1000);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: expected });

    // The same connector (as the engine retries it) waits that long before asking again, then goes on.
    const page = await connector.fetchChanges(cycle, 100, undefined, sourceContext());
    expect(replay.waits).toEqual([expected]);
    expect(page).toMatchObject({ changes: [], more: true });
  });

  it('keeps half of the bucket: a query waits until its last cost plus half the bucket is available', async () => {
    const low = fixture('customers-page-1.json') as {
      extensions: { cost: { throttleStatus: Record<string, number> } };
    };
    low.extensions.cost.throttleStatus.currentlyAvailable = 900;
    replay = await shopifyReplay({
      ReconnuCustomers: [shopifyAnswer(low), 'customers-page-2.json'],
      ReconnuRefunds: ['refunds.json'],
    });
    await replay.connector().fetchChanges(cycle, 100, undefined, sourceContext());
    // 782 (the query's requested cost) + 1000 (half of 2000) - 900 available, at 100 points a second.
    expect(replay.waits).toEqual([8_820]);
  });

  it('honours Retry-After on an HTTP 429', async () => {
    replay = await shopifyReplay({
      ReconnuCustomers: [shopifyAnswer({ errors: 'Throttled' }, 429, { 'Retry-After': '2.0' })],
    });
    const error = await failure(replay.connector().fetchChanges(cycle, 100, undefined, sourceContext()));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 2_000 });
  });

  it('reports a rejected token (401) as a non-retryable error saying what to check', async () => {
    replay = await shopifyReplay({
      ReconnuShop: [shopifyAnswer(fixture('unauthorized.json'), 401)],
      ReconnuBulkRun: [shopifyAnswer(fixture('unauthorized.json'), 401)],
    });
    for (const call of [
      replay.connector().whoAmI(),
      replay.connector().fetchChanges(null, 100, undefined, sourceContext()),
    ]) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(FeedError);
      expect(error).toMatchObject({ status: 401, retryable: false });
      expect((error as FeedError).message).toMatch(/rejected the access token.*Admin API access token/);
    }
  });

  it('reports access denied by a missing scope as non-retryable', async () => {
    const denied = {
      errors: [
        {
          message: 'Access denied for customers field. Required access: `read_customers` access scope.',
          extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes' },
        },
      ],
      extensions: (fixture('customers-empty.json') as { extensions: unknown }).extensions,
    };
    replay = await shopifyReplay({ ReconnuCustomers: [shopifyAnswer(denied)] });
    const error = await failure(replay.connector().fetchChanges(cycle, 100, undefined, sourceContext()));
    expect(error).toMatchObject({ status: 403, retryable: false });
    expect((error as FeedError).message).toMatch(/read_customers/);
  });

  it('answers who the token acts for from the shop, as an agent', async () => {
    replay = await shopifyReplay({ ReconnuShop: ['shop.json'] });
    expect(await replay.connector().whoAmI()).toEqual({
      id: 'gid://shopify/Shop/548380009',
      name: 'Maison Lumière',
      email: 'contact@maison-lumiere.fr',
      role: 'agent',
    });
  });

  it('refuses an API version older than the contact fields it reads, without calling Shopify', async () => {
    const connector = createShopifyConnector({
      kind: 'shopify',
      url: 'https://maison-lumiere.myshopify.com',
      token: 'shpat_x',
      apiVersion: '2025-01',
    });
    const error = await failure(connector.fetchChanges(null, 100, undefined, sourceContext()));
    expect(error).toMatchObject({ retryable: false, message: expect.stringMatching(/2025-04 or later/) });
  });

  it('restarts from scratch on a cursor of another source', async () => {
    replay = await shopifyReplay({});
    const error = await failure(replay.connector().fetchChanges('bm90IG91cnM', 100, undefined, sourceContext()));
    expect(error).toMatchObject({ status: 400, retryable: false });
  });
});

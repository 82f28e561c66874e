import { afterEach, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../lib/connectors/cursor';
import { type CycleState, cycleFrom, stateSchema } from '../../lib/connectors/shopify/state';
import type { Customer, Deletion } from '../../lib/feed/schema';
import { NOW, operationOf, shopifyReplay, sourceContext } from './replay';

type Replay = Awaited<ReturnType<typeof shopifyReplay>>;
let replay: Replay | undefined;
afterEach(async () => {
  await replay?.server.close();
  replay = undefined;
});

const BULK_STARTED = '2025-11-03T09:00:00Z';
const later = new Date(NOW.getTime() + 3_600_000).toISOString();
const cycle = (changes: Partial<CycleState>) =>
  encodeCursor({ ...cycleFrom(BULK_STARTED, BULK_STARTED, later), ...changes });
const posts = () => (replay?.server.requests ?? []).filter((request) => request.method === 'POST').map(operationOf);

describe('Shopify incremental cycles', () => {
  it('pages through changed customers from the boundary second, skipping the ids already read at it', async () => {
    replay = await shopifyReplay({
      ReconnuCustomers: ['customers-page-1.json', 'customers-page-2.json'],
      ReconnuRefunds: ['refunds.json'],
    });
    // Marc was read at the boundary second already: he comes back (`>=`) and is skipped.
    const cursor = cycle({ customers: { since: BULK_STARTED, ids: ['gid://shopify/Customer/7002'] } });
    const page = await replay.connector().fetchChanges(cursor, 100, undefined, sourceContext());

    expect(posts().map(({ name, variables }) => [name, variables])).toEqual([
      ['ReconnuCustomers', { first: 4, after: null, query: `updated_at:>='${BULK_STARTED}'` }],
      [
        'ReconnuCustomers',
        {
          first: 4,
          after: 'eyJsYXN0X2lkIjo3MDA1LCJsYXN0X3ZhbHVlIjoiMjAyNS0xMS0wMyAwOToxNDowNy4wMDAwMDAifQ==',
          query: `updated_at:>='${BULK_STARTED}'`,
        },
      ],
      ['ReconnuRefunds', { ids: ['gid://shopify/Order/5004'] }],
    ]);
    const [jeanne, elise] = page.changes as Customer[];
    expect(page.changes).toHaveLength(2);
    expect(jeanne).toMatchObject({
      id: 'gid://shopify/Customer/7005',
      language: 'fr-BE',
      loyalty: { tier: 'VIP', points: 0 },
      preferences: { categories: ['robes', 'manteaux'], notes: 'Cliente du salon de Bruxelles', channel: 'sms' },
      addresses: [{ line1: 'Rue Neuve 41', postalCode: '1000', city: 'Bruxelles', country: 'BE' }],
    });
    expect(elise?.stores).toEqual(['Paris Rivoli', 'Lyon Confluence']);
    expect(elise?.orders?.[0]?.lines[0]).toMatchObject({ sku: 'SEZ-TSHIRT-S', returned: 1 });
    // The pass is done: the next one starts at the latest second read, the orders pass comes next.
    expect(page.more).toBe(true);
    expect(decodeCursor(page.cursor, stateSchema)).toMatchObject({
      phase: 'orders',
      pass: null,
      customers: { since: '2025-11-04T18:30:00Z', ids: ['gid://shopify/Customer/7001'] },
    });
  });

  it('stops a pass at a page boundary and resumes it from the saved page cursor', async () => {
    replay = await shopifyReplay({
      ReconnuCustomers: ['customers-page-1.json', 'customers-page-2.json'],
      ReconnuRefunds: ['refunds.json'],
    });
    const first = await replay.connector().fetchChanges(cycle({}), 1, undefined, sourceContext());
    expect(first.changes.map((change) => (change as Customer).id)).toEqual([
      'gid://shopify/Customer/7002',
      'gid://shopify/Customer/7005',
    ]);
    expect(decodeCursor(first.cursor, stateSchema)).toMatchObject({
      phase: 'customers',
      pass: { after: expect.any(String) },
    });
    const second = await replay.connector().fetchChanges(first.cursor, 1, undefined, sourceContext());
    expect(second.changes.map((change) => (change as Customer).id)).toEqual(['gid://shopify/Customer/7001']);
    expect(posts()[1]?.variables.after).toBe((decodeCursor(first.cursor, stateSchema) as CycleState).pass?.after);
  });

  it('re-reads the customers of changed orders, with refunds as returned units and vanished ones as deletions', async () => {
    replay = await shopifyReplay({
      ReconnuChangedOrders: ['orders-changed.json'],
      ReconnuCustomersById: ['customers-by-id.json'],
      ReconnuRefunds: ['refunds-reread.json'],
    });
    const page = await replay.connector().fetchChanges(cycle({ phase: 'orders' }), 100, undefined, sourceContext());

    expect(posts().map(({ name, variables }) => [name, variables])).toEqual([
      ['ReconnuChangedOrders', { first: 50, after: null, query: `updated_at:>='${BULK_STARTED}'` }],
      // The guest order (no customer) is left out.
      ['ReconnuCustomersById', { ids: ['gid://shopify/Customer/7004', 'gid://shopify/Customer/7099'] }],
      ['ReconnuRefunds', { ids: ['gid://shopify/Order/5003'] }],
    ]);
    const [sofia, gone] = page.changes as [Customer, Deletion];
    expect(sofia.orders).toEqual([
      {
        id: 'gid://shopify/Order/5003',
        number: '#1003',
        placedAt: '2025-06-30T16:20:00Z',
        channel: 'phone',
        status: 'refunded',
        total: { amount: 0, currency: 'EUR' },
        lines: [{ sku: 'TRENCH-IT-42', title: 'Trench Ottavia', quantity: 1, unitPrice: 320, returned: 1 }],
      },
    ]);
    expect(gone).toEqual({ id: 'gid://shopify/Customer/7099', deleted: true, deletedAt: NOW.toISOString() });
    // No sweep due: the cycle, and the sync run, end here.
    expect(page.more).toBe(false);
    expect(decodeCursor(page.cursor, stateSchema)).toMatchObject({
      phase: 'customers',
      orders: { since: '2025-11-04T12:00:00Z' },
    });
  });

  it('sweeps deletions page by page in id order, reading the stored ids before the live ones', async () => {
    const log: string[] = [];
    replay = await shopifyReplay({
      ReconnuChangedOrders: ['orders-empty.json'],
      ReconnuCustomerIds: ['customer-ids-1.json', 'customer-ids-2.json'],
    });
    const stored = [7000, 7001, 7002, 7003, 7004, 7005, 7006].map((n) => `gid://shopify/Customer/${n}`);
    const context = {
      ...sourceContext(),
      storedIds: async () => {
        log.push(`stored after ${posts().length} requests`);
        return [...stored, 'not-a-shopify-id'];
      },
    };
    const due = cycle({ phase: 'orders', sweep: { dueAt: BULK_STARTED, after: null, floor: 0, pages: 0 } });
    const ordersDone = await replay.connector().fetchChanges(due, 100, undefined, context);
    expect(ordersDone).toMatchObject({ changes: [], more: true });
    expect(decodeCursor(ordersDone.cursor, stateSchema)).toMatchObject({ phase: 'sweep' });

    const swept = await replay.connector().fetchChanges(ordersDone.cursor, 100, undefined, context);
    expect(log).toEqual(['stored after 1 requests']);
    expect(posts().map(({ name, variables }) => [name, variables.after])).toEqual([
      ['ReconnuChangedOrders', null],
      ['ReconnuCustomerIds', null],
      ['ReconnuCustomerIds', 'eyJsYXN0X2lkIjo3MDAyLCJsYXN0X3ZhbHVlIjo3MDAyfQ=='],
    ]);
    // 7000 is below the first live page, 7003 between the pages, 7006 above the last live id.
    expect((swept.changes as Deletion[]).map((deletion) => deletion.id)).toEqual([
      'gid://shopify/Customer/7000',
      'gid://shopify/Customer/7003',
      'gid://shopify/Customer/7006',
    ]);
    expect(swept.more).toBe(false);
    const next = decodeCursor(swept.cursor, stateSchema) as CycleState;
    expect(next).toMatchObject({ phase: 'customers', sweep: { after: null, floor: 0, pages: 0 } });
    expect(Date.parse(next.sweep.dueAt) - NOW.getTime()).toBe(15 * 60_000);
  });
});

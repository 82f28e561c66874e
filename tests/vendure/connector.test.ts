import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceConnector } from '../../lib/connectors/types';
import { createVendureConnector } from '../../lib/connectors/vendure/connector';
import type { Customer } from '../../lib/feed/schema';
import { normalizePhone } from '../../lib/identifiers/phone';
import { findByKey, forEachCustomer, getCustomer, type ReconnuDb } from '../../lib/store';
import { runSync } from '../../lib/sync/engine';
import { type VendureAdmin, vendureAdmin } from '../../scripts/vendure/admin';
import { adminGraphQL } from '../../scripts/vendure/graphql';
import { startVendure, type VendureServer } from '../../scripts/vendure/start';
import { unlockedDb } from '../unlocked-db';

// The real thing: a Vendure server (scripts/vendure/server.ts) seeded with customers and orders placed through its own
// order process, read by the connector through the real sync engine into a real (fake-indexeddb) store.

const CUSTOMERS = 40;

interface ShopCustomer {
  id: string;
  phoneNumber: string | null;
  addresses: { id: string; phoneNumber: string | null }[];
  orders: { items: { code: string; active: boolean; orderPlacedAt: string | null }[] };
}

let server: VendureServer;
let admin: VendureAdmin;
let db: ReconnuDb;
let clock: number;

beforeAll(async () => {
  server = await startVendure({ customers: CUSTOMERS });
  admin = vendureAdmin(server.adminApi, server.token);
}, 900_000);
afterAll(async () => {
  await server?.stop();
}, 60_000);
beforeEach(async () => {
  db = await unlockedDb('vendure');
  clock = Date.now();
});

async function storedIds(): Promise<string[]> {
  const ids: string[] = [];
  await forEachCustomer(db, (customer) => ids.push(customer.id));
  return ids;
}

/** One sync run of the engine over the connector; `later` moves the clock on (the sweep runs every 15 minutes). */
async function sync(connector: SourceConnector, later = 0) {
  clock += later;
  const outcome = await runSync({
    db,
    publish: () => {},
    retryDelay: () => 0,
    // The engine gives the connector the stored ids (from the key index) and this clock.
    source: connector,
    now: () => new Date(clock),
  });
  expect(outcome).toMatchObject({ ok: true });
  return outcome;
}

/** What the shop holds, read independently of the connector. */
async function shopCustomers(): Promise<ShopCustomer[]> {
  const { data } = await adminGraphQL<{ customers: { items: ShopCustomer[] } }>(
    server.adminApi,
    { token: server.token },
    `{ customers(options: { take: 1000 }) { items { id phoneNumber addresses { id phoneNumber }
      orders(options: { take: 100 }) { items { code active orderPlacedAt } } } } }`,
  );
  return data.customers.items;
}

const connectorFor = (token: string) =>
  createVendureConnector({ kind: 'vendure', url: server.adminApi, token, channelToken: '' });

// Each sync makes real requests to a server that shares two cores with everything else: generous time limits.
describe('the Vendure connector against a real Vendure server', { timeout: 300_000 }, () => {
  it('syncs every seeded customer with their orders and address phones, findable by phone', async () => {
    await sync(connectorFor(server.token));
    const shop = await shopCustomers();
    expect(shop).toHaveLength(CUSTOMERS);
    expect(await storedIds()).toHaveLength(CUSTOMERS);
    let orders = 0;
    for (const expected of shop) {
      const stored = (await getCustomer(db, `vendure:${expected.id}`)) as Customer;
      expect(stored).toBeDefined();
      const placed = expected.orders.items.filter((order) => !order.active && order.orderPlacedAt);
      expect(stored.orders?.map((order) => order.number).sort()).toEqual(placed.map((order) => order.code).sort());
      orders += placed.length;
      // Vendure keeps a missing phone as an empty string; the feed leaves it out.
      expect(stored.addresses?.map((address) => address.phone ?? null)).toEqual(
        expected.addresses.map((address) => address.phoneNumber || null),
      );
    }
    expect(orders).toBeGreaterThan(0);
    const withPhone = shop.find((customer) => customer.addresses.some((address) => address.phoneNumber));
    const phone = withPhone?.addresses.find((address) => address.phoneNumber)?.phoneNumber as string;
    const found = await findByKey(db, `p:${normalizePhone(phone)}`);
    expect(found.map((customer) => customer.id)).toContain(`vendure:${withPhone?.id}`);
  });

  it('picks up a custom field, an address phone, a new order and a deletion on the next syncs', async () => {
    const connector = connectorFor(server.token);
    await sync(connector);
    const [first, second, third, fourth] = await shopCustomers();
    if (!first || !second || !third || !fourth) throw new Error('the shop needs four customers');

    await admin.updateCustomer(first.id, { customFields: { loyaltyTier: 'Diamant', loyaltyPoints: 9999 } });
    const order = await admin.placeOrder(second.id, [{ sku: 'ECH-LIN', quantity: 2 }], '06 98 76 54 32');
    await sync(connector);
    expect((await getCustomer(db, `vendure:${first.id}`))?.loyalty).toMatchObject({ tier: 'Diamant', points: 9999 });
    const withOrder = await getCustomer(db, `vendure:${second.id}`);
    expect(withOrder?.orders?.find((placed) => placed.number === order.code)).toMatchObject({
      status: 'paid',
      lines: [{ sku: 'ECH-LIN', quantity: 2, unitPrice: 39.5 }],
      // Made international with its shipping country (FR): the feed has no country beside an order's phone.
      phone: '+33698765432',
    });

    // An order moving on (cancelled) is seen by the orders pass too.
    await admin.cancelOrder(order.id);
    await sync(connector);
    const cancelled = await getCustomer(db, `vendure:${second.id}`);
    expect(cancelled?.orders?.find((placed) => placed.number === order.code)?.status).toBe('cancelled');

    // Address changes and deletions do not move a customer's updatedAt: the sweep (every 15 minutes) finds them.
    const [address] = await admin.addresses(third.id);
    if (!address) throw new Error('seeded customers have an address');
    await admin.updateAddress(address.id, { phoneNumber: '+33 1 84 60 12 00' });
    await admin.createAddress(first.id, {
      streetLine1: 'Rue Neuve 1',
      city: 'Bruxelles',
      postalCode: '1000',
      countryCode: 'BE',
      phoneNumber: '0470 99 88 77',
    });
    await admin.deleteCustomer(fourth.id);
    await sync(connector);
    expect(await getCustomer(db, `vendure:${fourth.id}`)).toBeDefined();
    await sync(connector, 16 * 60_000);
    expect((await getCustomer(db, `vendure:${third.id}`))?.addresses?.[0]?.phone).toBe('+33 1 84 60 12 00');
    expect((await findByKey(db, 'p:+33184601200')).map((found) => found.id)).toEqual([`vendure:${third.id}`]);
    // A Belgian address's national mobile is Belgian, whatever the agent's default region.
    expect((await findByKey(db, 'p:+32470998877')).map((found) => found.id)).toEqual([`vendure:${first.id}`]);
    expect(await findByKey(db, 'p:+33470998877')).toEqual([]);
    expect(await getCustomer(db, `vendure:${fourth.id}`)).toBeUndefined();
    expect(await storedIds()).toHaveLength((await shopCustomers()).length);
  });

  it('reads with a least-privilege API key (ReadCustomer, ReadOrder) and names it', async () => {
    const connector = connectorFor(server.apiKey);
    expect(await connector.whoAmI()).toMatchObject({ role: 'agent', name: expect.stringMatching(/^Vendure API key /) });
    expect(await connectorFor(server.token).whoAmI()).toMatchObject({ name: 'Super Admin', role: 'agent' });
    await sync(connector);
    expect(await storedIds()).toHaveLength((await shopCustomers()).length);
  });
});

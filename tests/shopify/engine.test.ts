import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findByKey, getCustomer, lookupKey, type ReconnuDb, readQuarantine } from '../../lib/store';
import { runSync, type SyncDeps } from '../../lib/sync/engine';
import { unlockedDb } from '../unlocked-db';
import { fixture, NOW, shopifyAnswer, shopifyReplay } from './replay';

type Replay = Awaited<ReturnType<typeof shopifyReplay>>;
let replay: Replay;
let db: ReconnuDb;
let now = NOW;

/** The live customers when the sweep runs: Marc (7002) was deleted in Shopify. */
const liveIds = fixture('customer-ids-2.json') as { data: { customers: { nodes: { id: string }[] } } };
liveIds.data.customers.nodes = [{ id: 'gid://shopify/Customer/7001' }, { id: 'gid://shopify/Customer/7004' }];

beforeEach(async () => {
  db = await unlockedDb('shopify-engine');
  now = NOW;
  replay = await shopifyReplay({
    ReconnuBulkRun: ['bulk-run-created.json'],
    ReconnuBulkStatus: ['bulk-running.json', 'bulk-completed.json'],
    ReconnuRefunds: ['refunds.json'],
    ReconnuCustomers: ['customers-empty.json'],
    ReconnuChangedOrders: ['orders-empty.json'],
    ReconnuCustomerIds: [shopifyAnswer(liveIds)],
  });
});
afterEach(async () => {
  await replay.server.close();
  await db.delete();
});

/** The engine as the background runs it, with the Shopify connector as its source. */
function deps(): SyncDeps {
  const connector = replay.connector();
  return {
    db,
    publish: () => undefined,
    // The engine gives the connector the stored ids (from the key index) and this clock.
    source: connector,
    now: () => now,
    pageSize: 2,
    retryDelay: () => 0,
  };
}

const idsOf = (customers: { id: string }[]) => customers.map((customer) => customer.id);

describe('Shopify through the sync engine', () => {
  it('stores the bulk export, finds customers by email and phone, quarantines the malformed one', async () => {
    expect(await runSync(deps())).toEqual({ ok: true, applied: 4 });

    const elise = await getCustomer(db, 'gid://shopify/Customer/7001');
    expect(elise?.orders?.map((order) => order.number)).toEqual(['#1004', '#1001']);
    expect(elise?.orders?.[0]?.lines[0]?.returned).toBe(1);
    const byEmail = await findByKey(db, lookupKey('email', 'Elise.Lefevre@example.fr') as string);
    expect(idsOf(byEmail)).toEqual(['gid://shopify/Customer/7001']);
    const byPhone = await findByKey(db, lookupKey('phone', '+39 347 123 4567') as string);
    expect(idsOf(byPhone)).toEqual(['gid://shopify/Customer/7004']);
    const byAddressPhone = await findByKey(db, lookupKey('phone', '01 45 67 89 10') as string);
    expect(idsOf(byAddressPhone)).toEqual(['gid://shopify/Customer/7001']);

    expect(await getCustomer(db, 'gid://shopify/Customer/7003')).toBeUndefined();
    const [issue] = await readQuarantine(db);
    expect(issue).toMatchObject({ id: 'gid://shopify/Customer/7003', reason: expect.stringMatching(/^emails\.0/) });
  });

  it('erases customers Shopify no longer has once the deletion sweep is due', async () => {
    await runSync(deps());
    expect(await getCustomer(db, 'gid://shopify/Customer/7002')).toBeDefined();

    // An hour later the sweep is due: 7002 is not among the live ids any more.
    now = new Date(NOW.getTime() + 3_600_000);
    expect((await runSync(deps())).ok).toBe(true);
    expect(await getCustomer(db, 'gid://shopify/Customer/7002')).toBeUndefined();
    expect(await findByKey(db, lookupKey('email', 'marc.dubois@example.com') as string)).toEqual([]);
    expect(await getCustomer(db, 'gid://shopify/Customer/7001')).toBeDefined();
    expect(await getCustomer(db, 'gid://shopify/Customer/7004')).toBeDefined();
  });
});

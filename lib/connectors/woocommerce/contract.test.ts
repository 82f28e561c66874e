import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls, idsOf, type MemoryStore, memoryStore, syncRun, wooConnector } from '../../../tests/woocommerce-run';
import { KEY, SECRET, startWooSite } from '../../../tests/woocommerce-site';
import { type Customer, parseChange } from '../../feed/schema';

const MINUTE = 60_000;
let woo: Awaited<ReturnType<typeof startWooSite>>;
let store: MemoryStore;

beforeEach(async () => {
  woo = await startWooSite();
  store = memoryStore(new Date(woo.site.clock));
});
afterEach(() => woo.close());

const customer = (id: string) => store.records.get(id) as unknown as Customer;
/** Moves the shop's clock and the browser's together. */
const advance = (ms: number) => {
  woo.site.clock += ms;
  store.advance(ms);
};
const touch = (table: 'customers' | 'orders', id: number, fields: Record<string, unknown>) => {
  const row = woo.site[table].find((r) => r.id === id);
  if (!row) throw new Error(`no ${table} ${id}`);
  Object.assign(row, fields);
};

describe('WooCommerce connector: first sync', () => {
  it('reads every customer (every role) page by page, with orders, refunds, addresses and preferences', async () => {
    const pages = await syncRun(wooConnector(woo.url), store, 3);

    expect(idsOf(pages)).toEqual(['woo:11', 'woo:12', 'woo:14', 'woo:15', 'woo:17', 'woo:18', 'woo:20']);
    expect(pages.map((page) => page.remaining)).toEqual([4, 2, 0, 0, undefined]);
    expect(pages.at(-1)?.more).toBe(false);
    const listings = calls(woo.requests, '/customers');
    expect(listings.map((q) => [q.get('role'), q.get('orderby'), q.get('order'), q.get('offset')])).toEqual([
      ['all', 'id', 'asc', '0'],
      ['all', 'id', 'asc', '2'],
      ['all', 'id', 'asc', '4'],
      ['all', 'id', 'asc', '6'],
    ]);
    expect(woo.requests.every((r) => r.headers.authorization === `Basic ${btoa(`${KEY}:${SECRET}`)}`)).toBe(true);
    expect(calls(woo.requests, '/orders/102/refunds')).toHaveLength(1);
    expect(woo.requests.filter((r) => r.url.pathname.endsWith('/refunds'))).toHaveLength(1);

    expect(customer('woo:11')).toMatchObject({
      name: { given: 'Élise', family: 'Lefèvre' },
      emails: ['elise.lefevre@example.fr'],
      phones: ['+33 6 12 34 56 78', '+33472001122'],
      customerSince: '2025-02-10T09:12:44Z',
      updatedAt: '2026-03-02T08:15:03Z',
      preferences: { sizes: { shoes: '38', tops: 'M' }, brands: ['Sézane', 'Veja'], channel: 'sms' },
      consent: { personalization: true },
      loyalty: { tier: 'Gold', points: 1240 },
      addresses: [
        { label: 'billing', line1: '12 rue des Lilas, Bâtiment B', postalCode: '69003', city: 'Lyon', country: 'FR' },
        {
          label: 'shipping',
          line1: '3 quai Saint-Antoine',
          postalCode: '69002',
          city: 'Lyon',
          country: 'FR',
          phone: '+33472001122',
        },
      ],
    });
    expect(customer('woo:11').addresses?.[0]?.phone).toBe('+33 6 12 34 56 78');
    expect(customer('woo:11').orders?.map((o) => [o.number, o.channel, o.status, o.total])).toEqual([
      ['105', 'store', 'completed', { amount: 60, currency: 'EUR' }],
      ['101', 'web', 'completed', { amount: 129, currency: 'EUR' }],
    ]);
    expect(customer('woo:11').orders?.[1]?.lines[0]).toEqual({
      sku: 'MOC-38-CAM',
      title: 'Mocassins cuir – Taille: 38',
      quantity: 1,
      unitPrice: 89,
    });
    expect(customer('woo:12').orders?.[0]).toMatchObject({
      channel: 'phone',
      status: 'on-hold',
      phone: '(55) 5555-5555',
    });
    expect(customer('woo:20').orders?.[0]?.lines.map((l) => [l.sku, l.quantity, l.returned])).toEqual([
      ['JEAN-W29', 2, 1],
      ['CEIN-TR', 1, undefined],
    ]);
    // A national number is read in its address's country: "0470 12 34 56" in Brussels is Belgian.
    expect(customer('woo:20')).toMatchObject({
      phones: ['+32470123456'],
      language: 'fr-BE',
      loyalty: { tier: '', points: 310 },
    });
    // The guest order (customer_id 0) with John Doe's email stays a guest's.
    expect(customer('woo:14').orders).toEqual([]);
    expect(customer('woo:15')).toMatchObject({ name: { given: 'Camille', family: 'Martin' } });
    expect(customer('woo:15').addresses).toBeUndefined();
  });

  it('passes every mapped customer but the malformed one, quarantined with a readable reason', async () => {
    const pages = await syncRun(wooConnector(woo.url), store);
    const parsed = pages.flatMap((page) => page.changes.map(parseChange));

    expect(parsed.filter((p) => p.ok)).toHaveLength(6);
    expect(parsed.filter((p) => !p.ok)).toEqual([
      { ok: false, id: 'woo:17', reason: 'emails.1: must not hold control or invisible characters' },
    ]);
  });

  it('resumes from a saved cursor in a new worker, without gaps or duplicates', async () => {
    const first = wooConnector(woo.url);
    const page1 = await first.fetchChanges(null, 3, undefined, store.context);
    store.apply(page1);
    const page2 = await first.fetchChanges(store.cursor, 3, undefined, store.context);
    store.apply(page2);
    const before = woo.requests.length;

    const rest = await syncRun(wooConnector(woo.url), store, 3);

    expect(idsOf([page1, page2, ...rest])).toEqual([
      'woo:11',
      'woo:12',
      'woo:14',
      'woo:15',
      'woo:17',
      'woo:18',
      'woo:20',
    ]);
    expect(woo.requests[before]?.url.searchParams.get('offset')).toBe('4');
  });

  it('skips no customer when customers already read are deleted between two pages', async () => {
    let listings = 0;
    woo.site.beforeAnswer = (request) => {
      if (request.url.pathname.endsWith('/customers') && request.url.searchParams.has('offset') && ++listings === 2) {
        woo.site.customers = woo.site.customers.filter((c) => c.id !== 11 && c.id !== 12);
      }
    };
    const pages = await syncRun(wooConnector(woo.url), store, 3);

    expect(idsOf(pages)).toEqual(['woo:11', 'woo:12', 'woo:14', 'woo:15', 'woo:17', 'woo:18', 'woo:20']);
  });
});

describe('WooCommerce connector: later runs', () => {
  beforeEach(async () => {
    await syncRun(wooConnector(woo.url), store);
  });

  it('sends only customers changed since the last scan, the boundary second included, each once', async () => {
    // The first scan began at 09:00:00 (server time): customers changed from 08:59:50 on are read again.
    touch('customers', 12, { date_modified_gmt: '2026-03-02T08:59:50', billing: { phone: '+55 21 5555-0000' } });
    touch('customers', 14, { date_modified_gmt: '2026-03-02T08:59:49' });
    touch('customers', 18, { date_modified_gmt: '2026-03-02T09:05:00' });
    advance(16 * MINUTE);
    const before = woo.requests.length;

    const pages = await syncRun(wooConnector(woo.url), store);

    expect(idsOf(pages)).toEqual(['woo:12', 'woo:18']);
    expect(customer('woo:12').phones).toEqual(['+55 21 5555-0000']);
    const scan = calls(woo.requests.slice(before), '/customers');
    expect(scan[0]?.get('_fields')).toBe('id,date_created_gmt,date_modified_gmt');
    expect(scan[1]?.get('include')).toBe('12,18');

    advance(16 * MINUTE);
    expect(idsOf(await syncRun(wooConnector(woo.url), store))).toEqual([]);
  });

  it('reads again the customers whose orders changed, with their refunds; guest orders change no one', async () => {
    advance(2 * MINUTE);
    const modified = '2026-03-02T09:01:00';
    touch('orders', 101, { date_modified_gmt: modified, refunds: [{ id: 140, reason: '', total: '-20.00' }] });
    woo.site.refunds['101'] = [{ id: 140, line_items: [refundLine(202, -1)] }];
    const order106 = { ...woo.site.orders[0], id: 106, number: '106', customer_id: 14, date_modified_gmt: modified };
    const guest = { ...woo.site.orders[0], id: 107, number: '107', customer_id: 0, date_modified_gmt: modified };
    woo.site.orders.push({ ...order106, refunds: [] }, { ...guest, refunds: [] });
    const before = woo.requests.length;

    const pages = await syncRun(wooConnector(woo.url), store);

    expect(idsOf(pages)).toEqual(['woo:11', 'woo:14']);
    const listing = calls(woo.requests.slice(before), '/orders')[0];
    expect(listing?.get('modified_after')).toBe('2026-03-02T08:59:50');
    expect(listing?.get('dates_are_gmt')).toBe('true');
    expect(calls(woo.requests.slice(before), '/customers').map((q) => q.get('include'))).toEqual(['11,14']);
    expect(customer('woo:11').orders?.[1]?.lines.map((l) => l.returned)).toEqual([undefined, 1]);
    expect(customer('woo:14').orders?.map((o) => o.number)).toEqual(['106']);

    advance(MINUTE);
    expect(idsOf(await syncRun(wooConnector(woo.url), store))).toEqual([]);
  });

  it('sweeps deleted customers: asked for by id, and those WooCommerce no longer has are erased', async () => {
    woo.site.customers = woo.site.customers.filter((c) => c.id !== 15 && c.id !== 18);
    advance(16 * MINUTE);
    const before = woo.requests.length;

    const pages = await syncRun(wooConnector(woo.url), store);

    expect(pages.flatMap((p) => p.changes)).toEqual([
      { id: 'woo:15', deleted: true, deletedAt: new Date(store.context.now()).toISOString() },
      { id: 'woo:18', deleted: true, deletedAt: new Date(store.context.now()).toISOString() },
    ]);
    expect(calls(woo.requests.slice(before), '/customers')[1]?.get('include')).toBe('15,18');
    expect([...store.records.keys()]).not.toContain('woo:15');
  });
});

function refundLine(refundedItem: number, quantity: number) {
  return {
    id: 900 + refundedItem,
    quantity,
    meta_data: [{ id: 1, key: '_refunded_item_id', value: String(refundedItem) }],
  };
}

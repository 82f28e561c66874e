import { describe, expect, it } from 'vitest';
import { parseChange } from '../../feed/schema';
import { phoneIn } from '../phone';
import { mapCustomer } from './map';
import { metaExtras } from './meta';
import { channelOf, decodeEntities, mapOrder } from './orders';
import type { WooCustomer, WooOrder } from './wire';

const meta = (entries: Record<string, unknown>) =>
  Object.entries(entries).map(([key, value], id) => ({ id, key, value }));
const readAt = new Date('2026-03-02T09:00:00.123Z');

describe('customer meta', () => {
  it('reads preferences, language and consent from reconnu_* keys, JSON or serialized', () => {
    expect(
      metaExtras(
        meta({
          reconnu_sizes: { shoes: 38, tops: 'M' },
          reconnu_brands: '["Sézane","Veja","Veja"]',
          reconnu_categories: 'Chaussures, Maroquinerie',
          reconnu_channel: 'Email',
          reconnu_notes: 'Préfère être appelée le matin',
          reconnu_language: 'fr_BE',
          reconnu_consent: 'no',
        }),
      ),
    ).toEqual({
      preferences: {
        sizes: { shoes: '38', tops: 'M' },
        brands: ['Sézane', 'Veja'],
        categories: ['Chaussures', 'Maroquinerie'],
        channel: 'email',
        notes: 'Préfère être appelée le matin',
      },
      language: 'fr-BE',
      consent: { personalization: false },
    });
  });

  it('drops what is malformed instead of the customer', () => {
    expect(
      metaExtras(
        meta({
          reconnu_sizes: '{not json',
          reconnu_channel: 'pigeon',
          reconnu_language: 'français',
          reconnu_consent: 1,
        }),
      ),
    ).toEqual({});
    expect(metaExtras(undefined)).toEqual({});
  });

  it('takes loyalty points from reconnu_loyalty_points, else WooCommerce Points and Rewards, else YITH', () => {
    const points = (entries: Record<string, unknown>) => metaExtras(meta(entries)).loyalty;
    expect(points({ wc_points_balance: '80', _ywpar_user_total_points: '90' })).toEqual({ tier: '', points: 80 });
    expect(points({ _ywpar_user_total_points: 90, reconnu_loyalty_card: 'CARD-7' })).toEqual({
      tier: '',
      points: 90,
      card: 'CARD-7',
    });
    expect(points({ reconnu_loyalty_points: '12', reconnu_loyalty_tier: 'Silver', wc_points_balance: '80' })).toEqual({
      tier: 'Silver',
      points: 12,
    });
    expect(points({ wc_points_balance: '-20' })).toBeUndefined();
    expect(points({ reconnu_loyalty_tier: 'Gold' })).toEqual({ tier: 'Gold', points: 0 });
  });

  it('keeps the last value of a repeated key', () => {
    const repeated = [
      { id: 1, key: 'reconnu_channel', value: 'sms' },
      { id: 2, key: 'reconnu_channel', value: 'phone' },
    ];
    expect(metaExtras(repeated).preferences?.channel).toBe('phone');
  });
});

describe('orders', () => {
  const order: WooOrder = {
    id: 723,
    number: 'FR-723',
    created_via: 'checkout',
    status: 'completed',
    currency: 'EUR',
    date_created_gmt: '2026-01-12T10:03:11',
    total: '45.50',
    billing: { phone: '06 12 34 56 78', country: 'FR' },
    line_items: [
      { id: 1, name: 'Caf&eacute; &amp; th&#233;', product_id: 5, variation_id: 0, quantity: 3, sku: 'CT', price: 9.5 },
      { id: 2, name: 'Tasse', product_id: 6, variation_id: 0, quantity: 2, sku: 'TA', price: 8.5 },
    ],
    refunds: [{ id: 9, reason: '', total: '-17.50' }],
  };

  it('maps lines, totals in major units, the order phone, and quantities given back by refunds', () => {
    const refunds = [
      { id: 9, line_items: [{ quantity: -1, meta_data: [{ key: '_refunded_item_id', value: '1' }] }] },
      { id: 10, line_items: [{ product_id: 6, variation_id: 0, quantity: -2 }] },
    ];
    expect(mapOrder(order, refunds)).toEqual({
      id: '723',
      number: 'FR-723',
      placedAt: '2026-01-12T10:03:11Z',
      channel: 'web',
      status: 'completed',
      total: { amount: 45.5, currency: 'EUR' },
      lines: [
        { sku: 'CT', title: 'Caf&eacute; & thé', quantity: 3, unitPrice: 9.5, returned: 1 },
        { sku: 'TA', title: 'Tasse', quantity: 2, unitPrice: 8.5, returned: 2 },
      ],
      phone: '+33612345678',
    });
  });

  it('keeps the order number staff quote, even sent as a number, else the id', () => {
    expect(mapOrder({ ...order, number: 20260042 }, []).number).toBe('20260042');
    expect(mapOrder({ ...order, number: '' }, []).number).toBe('723');
  });

  it('says where an order was taken', () => {
    expect(['checkout', 'store-api', 'admin', 'pos-rest-api', 'rest-api', undefined].map(channelOf)).toEqual([
      'web',
      'web',
      'phone',
      'store',
      'web',
      'web',
    ]);
  });

  it('decodes the HTML entities WordPress leaves in product names', () => {
    expect(decodeEntities('Ship Your Idea &ndash; Color: Black &#x2014; 100&nbsp;% &bogus;')).toBe(
      'Ship Your Idea – Color: Black — 100\u00a0% &bogus;',
    );
  });
});

describe('customers', () => {
  const base: WooCustomer = { id: 42, date_created_gmt: '2025-01-01T10:00:00', date_modified_gmt: null, email: '' };
  const map = (customer: WooCustomer, orders: WooOrder[] = []) =>
    mapCustomer({ customer, orders, refunds: new Map() }, 7, readAt);

  it('falls back on the billing name and creation date, and leaves out empty addresses', () => {
    const mapped = map({
      ...base,
      first_name: ' ',
      billing: { first_name: 'Zoé', last_name: 'Roux', email: 'ZOE@example.fr', country: 'France', city: 'Nantes' },
      shipping: { first_name: '', address_1: '', city: '', postcode: '', country: '' },
      email: 'zoe@example.fr',
    });
    expect(mapped).toEqual({
      id: 'woo:42',
      version: 7,
      updatedAt: '2025-01-01T10:00:00Z',
      name: { given: 'Zoé', family: 'Roux' },
      emails: ['zoe@example.fr'],
      addresses: [{ label: 'billing', city: 'Nantes' }],
      customerSince: '2025-01-01T10:00:00Z',
      orders: [],
    });
    expect(parseChange(mapped).ok).toBe(true);
  });

  it('passes a malformed order on, so the engine quarantines the customer with the reason', () => {
    const broken: WooOrder = {
      id: 1,
      number: '1',
      date_created_gmt: '2026-01-01T00:00:00',
      total: 'n/a',
      currency: '',
    };
    expect(parseChange(map(base, [broken]))).toMatchObject({
      ok: false,
      id: 'woo:42',
      reason: expect.stringContaining('orders.0.total.amount'),
    });
  });

  it('dates a customer WooCommerce holds no date for by the read time', () => {
    expect(map({ id: 5 })).toMatchObject({ updatedAt: '2026-03-02T09:00:00Z' });
  });
});

describe('phones', () => {
  it("makes national numbers international with the address's country, and leaves the others as typed", () => {
    expect(phoneIn('0470 12 34 56', 'be')).toBe('+32470123456');
    expect(phoneIn('+1 (555) 555-5555', 'FR')).toBe('+1 (555) 555-5555');
    expect(phoneIn('12', 'FR')).toBe('12');
    expect(phoneIn('06 12 34 56 78', 'ZZ')).toBe('06 12 34 56 78');
    expect(phoneIn('  ', 'FR')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseChange } from '../../feed/schema';
import { mapCustomer } from './map-customer';
import { mapOrder } from './map-order';
import type { CustomerNode, OrderNode } from './nodes';

const base: CustomerNode = { id: 'gid://shopify/Customer/1', updatedAt: '2025-11-01T10:00:00Z', tags: [] };
const mf = (value: string) => ({ value });

describe('mapCustomer', () => {
  it('reads list metafields as JSON arrays or comma-separated text, and leaves out what it cannot read', () => {
    const customer = mapCustomer(
      {
        ...base,
        mf_brands: mf('Veja, Sézane ,  '),
        mf_categories: mf('["robes", 42]'),
        mf_sizes: mf('{"shoes": 38, "tops": "S", "odd": {"nested": true}}'),
        mf_loyalty_points: mf('12.5'),
        locale: 'fr_FR',
        addresses: [{ city: 'Paris', countryCodeV2: 'FRA', zip: null }],
      },
      7,
    );
    expect(customer.preferences).toEqual({
      brands: ['Veja', 'Sézane'],
      categories: ['robes', '42'],
      sizes: { shoes: '38', tops: 'S' },
    });
    expect(customer).not.toHaveProperty('loyalty');
    expect(customer).not.toHaveProperty('language');
    expect(customer.addresses).toEqual([{ city: 'Paris' }]);
    expect(parseChange(customer).ok).toBe(true);
  });

  it('prefers metafields to tag conventions and marketing states', () => {
    const customer = mapCustomer(
      {
        ...base,
        tags: ['VIP', 'no-personalization'],
        mf_loyalty_tier: mf('Platinum'),
        mf_personalization_consent: mf('true'),
        mf_channel: mf('Phone'),
        defaultEmailAddress: { emailAddress: 'a@example.com', marketingState: 'SUBSCRIBED' },
      },
      7,
    );
    expect(customer).toMatchObject({
      loyalty: { tier: 'Platinum', points: 0 },
      consent: { personalization: true },
      preferences: { channel: 'phone' },
    });
  });

  it('leaves consent unset when neither metafield nor tag says anything (marketing is not personalization)', () => {
    const customer = mapCustomer({ ...base, defaultEmailAddress: { marketingState: 'SUBSCRIBED' } }, 7);
    expect(customer).not.toHaveProperty('consent');
    expect(customer.preferences).toEqual({ channel: 'email' });
    expect(customer).not.toHaveProperty('name');
    expect(customer).not.toHaveProperty('emails');
  });

  it('passes an unreadable amount through, so the customer is quarantined with the reason', () => {
    const order: OrderNode = {
      id: 'gid://shopify/Order/1',
      name: '#1',
      processedAt: '2025-10-01T10:00:00Z',
      currentTotalPriceSet: { shopMoney: { amount: 'n/a', currencyCode: 'EUR' } },
    };
    const result = parseChange(mapCustomer({ ...base, orders: { nodes: [order] } }, 7));
    expect(result).toMatchObject({
      ok: false,
      id: base.id,
      reason: expect.stringMatching(/^orders\.0\.total\.amount/),
    });
  });
});

describe('mapOrder', () => {
  it('says cancelled, then refunded, then where the parcel is', () => {
    const status = (order: Partial<OrderNode>) => mapOrder({ id: 'o', ...order }).status;
    expect(status({ cancelledAt: '2025-10-02T00:00:00Z', displayFinancialStatus: 'REFUNDED' })).toBe('cancelled');
    expect(status({ displayFinancialStatus: 'REFUNDED', displayFulfillmentStatus: 'FULFILLED' })).toBe('refunded');
    expect(status({ displayFulfillmentStatus: 'PARTIALLY_FULFILLED' })).toBe('partially_shipped');
    expect(status({ displayFulfillmentStatus: 'ON_HOLD' })).toBe('on_hold');
    expect(status({})).toBe('processing');
  });

  it('adds up refunded units per line over all refunds', () => {
    const order = mapOrder({
      id: 'o',
      lineItems: { nodes: [{ id: 'l1', sku: 'A', title: 'A', quantity: 3 }] },
      refunds: [
        { refundLineItems: { nodes: [{ quantity: 1, lineItem: { id: 'l1' } }] } },
        { refundLineItems: { nodes: [{ quantity: 2, lineItem: { id: 'l1' } }] } },
      ],
    });
    expect(order.lines[0]).toMatchObject({ quantity: 3, returned: 3 });
  });
});

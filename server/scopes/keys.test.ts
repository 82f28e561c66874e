import { describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import { scopeKeysOf } from './keys';

const NOW = new Date('2026-06-01T12:00:00Z');
const base: Customer = { id: 'c1', version: 1, updatedAt: '2026-05-01T00:00:00Z' };
const item = { sku: 's', title: 't' };
const order = (channel: 'web' | 'store' | 'app', placedAt: string) => ({
  id: placedAt,
  number: '1',
  placedAt,
  channel,
  status: 'shipped',
  total: { amount: 1, currency: 'EUR' },
  lines: [],
});

describe('scope keys', () => {
  it('takes distinct stores and upper-cased countries, skipping addresses without one', () => {
    const keys = scopeKeysOf(
      {
        ...base,
        stores: ['lyon', 'paris', 'lyon'],
        addresses: [{ country: 'fr' }, { city: 'Nowhere' }, { country: 'FR' }, { country: 'be' }],
      },
      NOW,
    );
    expect([keys.stores, keys.countries]).toEqual([
      ['lyon', 'paris'],
      ['FR', 'BE'],
    ]);
  });

  it('dates online activity by web and app orders, wishlist and views, not store orders', () => {
    const keys = scopeKeysOf(
      {
        ...base,
        orders: [order('store', '2026-05-30T00:00:00Z'), order('web', '2026-01-02T00:00:00+02:00')],
        wishlist: [{ ...item, addedAt: '2025-12-01T00:00:00Z' }],
        recentlyViewed: [{ ...item, viewedAt: '2026-02-01T00:00:00Z' }],
      },
      NOW,
    );
    expect(keys.onlineAt).toBe('2026-02-01T00:00:00.000Z');
    expect(scopeKeysOf({ ...base, orders: [order('store', '2026-05-30T00:00:00Z')] }, NOW).onlineAt).toBeNull();
  });

  it('counts a non-empty cart at the record’s date, and activity in the future as now', () => {
    expect(scopeKeysOf({ ...base, cart: [{ ...item, quantity: 1 }] }, NOW).onlineAt).toBe('2026-05-01T00:00:00.000Z');
    expect(scopeKeysOf({ ...base, cart: [] }, NOW).onlineAt).toBeNull();
    const future = scopeKeysOf({ ...base, wishlist: [{ ...item, addedAt: '2099-01-01T00:00:00Z' }] }, NOW);
    expect(future.onlineAt).toBe(NOW.toISOString());
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChange } from '../../feed/schema';
import { customerKeys } from '../../store';
import { mapCustomer, parseSizes, statusOf, toMajor, type VendureCustomer } from './map';

const recorded = (name: string): VendureCustomer[] =>
  JSON.parse(readFileSync(new URL(`../../../tests/fixtures/vendure/${name}.json`, import.meta.url), 'utf8')).body.data
    .customers.items;

const [plain, , ordered] = recorded('customers-page') as [VendureCustomer, VendureCustomer, VendureCustomer];

describe('mapCustomer', () => {
  it('maps recorded Vendure customers onto valid feed v1 records', () => {
    for (const customer of [...recorded('customers-page'), ...recorded('customers-by-id')]) {
      const parsed = parseChange(mapCustomer(customer, 1, 2));
      expect(parsed).toMatchObject({ ok: true });
    }
  });

  it('maps identity, custom fields, addresses and customer since', () => {
    const record = mapCustomer(plain, 42, 2);
    const custom = plain.customFields as Record<string, unknown>;
    expect(record).toMatchObject({
      id: `vendure:${plain.id}`,
      version: 42,
      name: { given: plain.firstName, family: plain.lastName },
      emails: [plain.emailAddress],
      phones: [plain.phoneNumber],
      customerSince: plain.createdAt,
      language: custom.preferredLanguage,
      loyalty: { tier: custom.loyaltyTier, points: custom.loyaltyPoints, card: custom.loyaltyCard },
      preferences: {
        sizes: JSON.parse(custom.sizes as string),
        brands: custom.preferredBrands,
        categories: custom.preferredCategories,
        channel: custom.contactChannel,
        notes: custom.notes,
      },
      consent: { personalization: custom.personalizationConsent },
    });
    const [address] = plain.addresses ?? [];
    expect(record.addresses?.[0]).toEqual({
      line1: address?.streetLine1,
      postalCode: address?.postalCode,
      city: address?.city,
      country: address?.country?.code,
      phone: address?.phoneNumber,
    });
  });

  it("carries each address's country beside its phone, so a Belgian mobile is read as Belgian", () => {
    const order = ordered.orders?.items[0] as NonNullable<VendureCustomer['orders']>['items'][number];
    const belgian: VendureCustomer = {
      ...ordered,
      phoneNumber: '0470 12 34 56',
      addresses: [
        { id: '71', updatedAt: ordered.updatedAt, city: 'Gent', phoneNumber: '0471 98 76 54', country: { code: 'be' } },
      ],
      orders: { items: [{ ...order, shippingAddress: { phoneNumber: '02 512 34 56', countryCode: 'BE' } }] },
    };
    const record = mapCustomer(belgian, 1, 2);
    expect(record.addresses).toEqual([{ city: 'Gent', country: 'BE', phone: '0471 98 76 54' }]);
    expect(record.orders?.[0]?.phone).toBe('+3225123456');
    const keys = customerKeys(record);
    expect(keys).toEqual(expect.arrayContaining(['p:+32470123456', 'p:+32471987654', 'p:+3225123456']));
    expect(keys).not.toContain('p:+33470123456');
  });

  it("makes an order's national phone international with its shipping country, and keeps what it cannot read", () => {
    const order = ordered.orders?.items[0] as NonNullable<VendureCustomer['orders']>['items'][number];
    const phoneOf = (shippingAddress: typeof order.shippingAddress) =>
      mapCustomer({ ...ordered, orders: { items: [{ ...order, shippingAddress }] } }, 1, 2).orders?.[0]?.phone;
    expect(phoneOf({ phoneNumber: '06.20.00.02.12', countryCode: 'FR' })).toBe('+33620000212');
    expect(phoneOf({ phoneNumber: '+32 470 12 34 56', countryCode: 'FR' })).toBe('+32 470 12 34 56');
    expect(phoneOf({ phoneNumber: '06 20 00 02 12', countryCode: null })).toBe('06 20 00 02 12');
    expect(phoneOf({ phoneNumber: '', countryCode: 'FR' })).toBeUndefined();
    expect(phoneOf(null)).toBeUndefined();
  });

  it('words order states for people', () => {
    expect(statusOf('PaymentSettled')).toBe('paid');
    expect(statusOf('PartiallyDelivered')).toBe('partially delivered');
    expect(statusOf('Shipped')).toBe('shipped');
  });

  it('maps placed orders with their code, state, lines and totals in major units', () => {
    const order = ordered.orders?.items[0];
    if (!order) throw new Error('the recording has an order');
    const [mapped] = mapCustomer(ordered, 1, 2).orders ?? [];
    expect(mapped).toMatchObject({
      number: order.code,
      placedAt: order.orderPlacedAt,
      status: statusOf(order.state),
      channel: 'web',
      total: { amount: order.totalWithTax / 100, currency: order.currencyCode },
    });
    expect(mapped?.lines).toEqual(
      order.lines.map((line) => ({
        sku: line.productVariant?.sku,
        title: line.productVariant?.name,
        quantity: line.quantity,
        unitPrice: line.unitPriceWithTax / 100,
      })),
    );
  });

  it('shows the active order as the cart and leaves out orders never placed', () => {
    const order = ordered.orders?.items[0] as NonNullable<VendureCustomer['orders']>['items'][number];
    const customer: VendureCustomer = {
      ...ordered,
      orders: {
        items: [
          { ...order, id: '90', code: 'CART', active: true, state: 'AddingItems', orderPlacedAt: null },
          { ...order, id: '91', code: 'NEVER', active: false, state: 'Cancelled', orderPlacedAt: null },
          order,
        ],
      },
    };
    const record = mapCustomer(customer, 1, 2);
    expect(record.orders?.map((placed) => placed.number)).toEqual([order.code]);
    expect(record.cart).toEqual(
      order.lines.map((line) => ({
        sku: line.productVariant?.sku,
        title: line.productVariant?.name,
        quantity: line.quantity,
      })),
    );
  });

  it('dates the record by its latest change, orders and addresses included', () => {
    const order = ordered.orders?.items[0] as NonNullable<VendureCustomer['orders']>['items'][number];
    const later = { ...ordered, orders: { items: [{ ...order, updatedAt: '2030-01-02T03:04:05.000Z' }] } };
    expect(mapCustomer(later, 1, 2).updatedAt).toBe('2030-01-02T03:04:05.000Z');
  });

  it('leaves values the feed refuses to the engine, which quarantines the record with the reason', () => {
    const odd = { ...plain, customFields: { ...plain.customFields, sizes: 'grand', contactChannel: 'pigeon' } };
    const parsed = parseChange(mapCustomer(odd, 1, 2));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.id).toBe(`vendure:${plain.id}`);
      expect(parsed.reason).toMatch(/preferences\.sizes/);
      expect(parsed.reason).toMatch(/preferences\.channel/);
    }
  });

  it('works without any of the custom fields (a shop that defines none)', () => {
    const bare = { ...plain, customFields: undefined };
    const record = mapCustomer(bare, 1, 2);
    expect(record.loyalty).toBeUndefined();
    expect(record.preferences).toBeUndefined();
    expect(parseChange(record)).toMatchObject({ ok: true });
  });
});

describe('parseSizes', () => {
  it('reads JSON objects and "garment: size" lists', () => {
    expect(parseSizes('{"haut":"M","chaussures":42}')).toEqual({ haut: 'M', chaussures: '42' });
    expect(parseSizes('haut: M; chaussures = 42')).toEqual({ haut: 'M', chaussures: '42' });
    expect(parseSizes('{"haut":')).toBe('{"haut":');
    expect(parseSizes('M')).toBe('M');
  });
});

describe('toMajor', () => {
  it('divides by the shop precision without float noise', () => {
    expect(toMajor(19990, 2)).toBe(199.9);
    expect(toMajor(7080, 2)).toBe(70.8);
    expect(toMajor(1234, 0)).toBe(1234);
    expect(toMajor(12345, 3)).toBe(12.345);
  });
});

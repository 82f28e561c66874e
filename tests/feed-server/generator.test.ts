// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type Customer, customerSchema } from '../../lib/feed/schema';
import {
  customerCity,
  customerId,
  customerIndex,
  DATASET_END,
  generateCustomer,
  isNamesake,
} from '../../scripts/feed-server/generator';

const SEED = 'test-seed';
const COUNT = 2000;
const customers: Customer[] = Array.from({ length: COUNT }, (_, index) => generateCustomer(SEED, index));

/** French-style key for a phone: "+33 (0)1 23 45 67 89", "0123456789" and "0033 1 23…" all give "123456789". */
function phoneKey(phone: string): string {
  let digits = phone.replace('(Mobile)', '').replace('(0)', '').replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = `33${digits.slice(1)}`;
  return digits;
}

describe('customerId', () => {
  it('zero-pads to 7 digits so lexicographic order is index order', () => {
    expect(customerId(42)).toBe('cus_0000042');
    const ids = [9, 10, 100, 999_999, 1].map(customerId);
    expect([...ids].sort()).toEqual([1, 9, 10, 100, 999_999].map(customerId));
    expect(customerIndex('cus_0000042')).toBe(42);
    expect(customerIndex('invalid_1')).toBeUndefined();
  });
});

describe('generateCustomer', () => {
  it('is deterministic and independent of generation order', () => {
    expect(generateCustomer(SEED, 1234)).toEqual(customers[1234]);
    expect(JSON.stringify(generateCustomer(SEED, 77, 3))).toBe(JSON.stringify(generateCustomer(SEED, 77, 3)));
  });

  it('differs between seeds', () => {
    const differing = [0, 1, 2, 3, 4].filter(
      (index) => JSON.stringify(generateCustomer('other-seed', index)) !== JSON.stringify(customers[index]),
    );
    expect(differing).toHaveLength(5);
  });

  it('produces records that pass the feed schema unchanged, at several versions', () => {
    for (const [index, customer] of customers.entries()) {
      const result = customerSchema.safeParse(customer);
      expect(result.success, `${customer.id}: ${result.error?.message}`).toBe(true);
      // Nothing is stripped: every field the generator writes is part of the schema.
      expect(JSON.stringify(result.data)).toBe(JSON.stringify(customer));
      if (index % 20 === 0) expect(customerSchema.safeParse(generateCustomer(SEED, index, 4)).success).toBe(true);
    }
  });

  it('keeps records around 600–1200 bytes on average', () => {
    const bytes = customers.reduce((sum, customer) => sum + Buffer.byteLength(JSON.stringify(customer)), 0);
    expect(bytes / COUNT).toBeGreaterThan(600);
    expect(bytes / COUNT).toBeLessThan(1200);
  });

  it('writes phones in many human formats, with Belgian and Swiss numbers', () => {
    const phones = customers.flatMap((customer) => customer.phones ?? []);
    const patterns = [
      /^0\d( \d\d){4}$/,
      /^\+33 \d( \d\d){4}$/,
      /^0\d(\.\d\d){4}$/,
      /^0\d{9}$/,
      /^\+33 \(0\)\d( \d\d){4}$/,
      /^0\d(-\d\d){4}$/,
      /^0033 \d( \d\d){4}$/,
      /^\+33\d{9}$/,
      / \(Mobile\)$/,
      /^(\+32|0032 )4/,
      /^(\+41|0041 )7/,
    ];
    for (const pattern of patterns)
      expect(
        phones.some((phone) => pattern.test(phone)),
        String(pattern),
      ).toBe(true);
    expect(phones.some((phone) => /^0[1-5]/.test(phone))).toBe(true);
  });

  it('gives ~5% of customers a household number shared with another customer', () => {
    const owners = new Map<string, Set<number>>();
    customers.forEach((customer, index) => {
      for (const phone of customer.phones ?? []) {
        const key = phoneKey(phone);
        owners.set(key, (owners.get(key) ?? new Set()).add(index));
      }
    });
    const sharing = new Set([...owners.values()].filter((set) => set.size > 1).flatMap((set) => [...set]));
    expect(sharing.size / COUNT).toBeGreaterThan(0.04);
    expect(sharing.size / COUNT).toBeLessThan(0.07);
    expect(sharing.has(40) && sharing.has(41)).toBe(true);
  });

  it('has ~1% namesakes: same given and family name, another city and email', () => {
    const namesakes = customers.map((_, index) => index).filter(isNamesake);
    expect(namesakes.length / COUNT).toBeGreaterThanOrEqual(0.009);
    for (const index of namesakes) {
      const [twin, original] = [customers[index], customers[index - 23]];
      expect(twin?.name?.given).toBe(original?.name?.given);
      expect(twin?.name?.family).toBe(original?.name?.family);
      expect(twin?.emails?.[0]).not.toBe(original?.emails?.[0]);
      expect(customerCity(SEED, index)).not.toBe(customerCity(SEED, index - 23));
    }
  });

  it('has a realistic mix of languages, names, consent and influence', () => {
    const share = (test: (customer: Customer) => boolean) => customers.filter(test).length / COUNT;
    expect(share((customer) => customer.language === 'fr')).toBeGreaterThan(0.8);
    for (const language of ['en', 'de', 'nl'])
      expect(share((customer) => customer.language === language)).toBeGreaterThan(0);
    expect(
      share((customer) => /[éèêëàâäîïôöüûçñ]/i.test(`${customer.name?.given}${customer.name?.family}`)),
    ).toBeGreaterThan(0.3);
    expect(share((customer) => customer.name?.preferred !== undefined)).toBeGreaterThan(0.01);
    expect(share((customer) => customer.consent?.personalization === false)).toBeCloseTo(0.15, 1);
    const influential = share((customer) => customer.influence !== undefined);
    expect(influential).toBeGreaterThan(0.015);
    expect(influential).toBeLessThan(0.05);
  });

  it('never gives two customers the same email, even namesakes', () => {
    const emails = customers.flatMap((customer) => customer.emails ?? []);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((email) => /^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]+$/.test(email))).toBe(true);
  });

  it('makes loyalty cards and order numbers unique, and order totals add up', () => {
    const cards = customers.flatMap((customer) => (customer.loyalty?.card ? [customer.loyalty.card] : []));
    expect(cards.every((card) => /^\d{13}$/.test(card))).toBe(true);
    expect(new Set(cards).size).toBe(cards.length);
    const orders = customers.flatMap((customer) => customer.orders ?? []);
    expect(new Set(orders.map((order) => order.number)).size).toBe(orders.length);
    const threeYearsBefore = DATASET_END - 3 * 366 * 86_400_000;
    for (const order of orders) {
      const sum = order.lines.reduce((total, line) => total + line.quantity * line.unitPrice, 0);
      expect(order.total.amount).toBeCloseTo(sum, 2);
      expect(order.total.currency).toBe('EUR');
      expect(Date.parse(order.placedAt)).toBeGreaterThan(threeYearsBefore);
      expect(Date.parse(order.placedAt)).toBeLessThan(DATASET_END);
    }
    expect(new Set(orders.map((order) => order.status)).size).toBeGreaterThanOrEqual(5);
    expect(orders.some((order) => order.lines.some((line) => (line.returned ?? 0) > 0))).toBe(true);
  });

  it('changes visibly with each version and moves updatedAt forward', () => {
    for (const index of [0, 1, 57, 1999]) {
      const [v1, v2, v3] = [1, 2, 3].map((version) => generateCustomer(SEED, index, version));
      expect(v2?.id).toBe(v1?.id);
      expect(v2?.version).toBe(2);
      expect(v2?.loyalty?.points).not.toBe(v1?.loyalty?.points);
      expect(Date.parse(v2?.updatedAt ?? '')).toBeGreaterThan(Date.parse(v1?.updatedAt ?? ''));
      expect(Date.parse(v3?.updatedAt ?? '')).toBeGreaterThan(Date.parse(v2?.updatedAt ?? ''));
    }
  });
});

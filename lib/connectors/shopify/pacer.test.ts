import { describe, expect, it } from 'vitest';
import { Pacer, type QueryCost } from './pacer';

const cost = (requested: number, available: number, max = 2000, rate = 100): QueryCost => ({
  requestedQueryCost: requested,
  actualQueryCost: requested,
  throttleStatus: { maximumAvailable: max, currentlyAvailable: available, restoreRate: rate },
});

describe('Pacer', () => {
  it('does not wait before Shopify has reported a bucket', () => {
    expect(new Pacer(() => 0).delayBefore('query')).toBe(0);
  });

  it('waits until the last cost of the same query fits above half of the bucket', () => {
    let now = 0;
    const pacer = new Pacer(() => now);
    pacer.record('customers', cost(700, 1500));
    // 700 + 1000 reserved = 1700; 200 missing at 100 points a second.
    expect(pacer.delayBefore('customers')).toBe(2_000);
    // An unknown query only needs the reserve.
    expect(pacer.delayBefore('other')).toBe(0);
    // The bucket refills while time passes.
    now = 1_500;
    expect(pacer.delayBefore('customers')).toBe(500);
    now = 2_000;
    expect(pacer.delayBefore('customers')).toBe(0);
  });

  it('never asks for more than the whole bucket', () => {
    const pacer = new Pacer(() => 0);
    pacer.record('big', cost(900, 100, 1000, 50));
    // min(1000, 900 + 500) = 1000: 900 missing at 50 points a second.
    expect(pacer.delayBefore('big')).toBe(18_000);
  });
});

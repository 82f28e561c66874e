import { describe, expect, it } from 'vitest';
import { addIds, addToBuckets, BUCKETS, bucketOf, changedBuckets, expandIds } from './fingerprints';

describe('live id ranges', () => {
  it('keeps integer ids as runs and other ids as they are, page after page', () => {
    let ranges = addIds('', ['1', '2', '3', '5']);
    ranges = addIds(ranges, ['4', '9', 'a-b,c', '10']);
    expect(ranges).toBe(`1-5,9-10,'a-b%2Cc`);
    expect(expandIds(ranges).sort()).toEqual(['1', '10', '2', '3', '4', '5', '9', 'a-b,c'].sort());
    expect(expandIds('')).toEqual([]);
  });
});

describe('address buckets', () => {
  const customers = [
    { id: '1', addresses: [{ id: '1', updatedAt: '2026-01-01T00:00:00.000Z' }] },
    { id: '2', addresses: [{ id: '2', updatedAt: '2026-01-01T00:00:00.000Z' }] },
    { id: '3', addresses: [] },
  ];

  it('gives the same sums whatever the pages and their order', () => {
    const whole = addToBuckets([], customers);
    expect(whole).toHaveLength(BUCKETS);
    expect(addToBuckets(addToBuckets([], customers.slice(2)), customers.slice(0, 2))).toEqual(whole);
  });

  it('changes only the bucket of a customer whose addresses changed, were added or removed', () => {
    const before = addToBuckets([], customers);
    const edited = customers.map((c) =>
      c.id === '2' ? { ...c, addresses: [{ id: '2', updatedAt: '2026-02-01T00:00:00.000Z' }] } : c,
    );
    expect(changedBuckets(before, addToBuckets([], edited))).toEqual(new Set([bucketOf('2')]));
    const removed = customers.map((c) => (c.id === '1' ? { ...c, addresses: [] } : c));
    expect(changedBuckets(before, addToBuckets([], removed))).toEqual(new Set([bucketOf('1')]));
    expect(changedBuckets(before, addToBuckets([], customers)).size).toBe(0);
    expect(changedBuckets(null, before).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { KeyFilter } from './key-filter';

describe('the key filter of a run', () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `e:customer${i}@example.fr`);

  it('never misses a key it holds, also once saved and read back', () => {
    const filter = KeyFilter.forKeys(keys.length);
    for (const key of keys) filter.add(key);
    const read = KeyFilter.from(filter.saved.bits.slice(), filter.saved.hashes);
    expect(keys.filter((key) => !filter.mayHave(key))).toEqual([]);
    expect(keys.filter((key) => !read.mayHave(key))).toEqual([]);
  });

  it('rules out nearly every key it does not hold', () => {
    const filter = KeyFilter.forKeys(keys.length);
    for (const key of keys) filter.add(key);
    const others = Array.from({ length: 20_000 }, (_, i) => `p:+336${String(i).padStart(8, '0')}`);
    const falsePositives = others.filter((key) => filter.mayHave(key)).length;
    expect(falsePositives / others.length).toBeLessThan(0.03);
  });
});

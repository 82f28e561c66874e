// Seeded, allocation-light randomness. Every stream is keyed by its purpose and the customer index, so customer i
// can be generated on its own, in any order, with the same result.

/** 32-bit string hash (murmur3-style mixing of UTF-16 code units). */
export function hashString(text: string, seed = 0): number {
  let hash = seed ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x5bd1e995);
    hash ^= hash >>> 15;
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A seeded stream of random choices (a class, so creating one per customer allocates no closures). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Float in [0, 1) (mulberry32 step). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index of a weight, chosen with probability proportional to it. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let roll = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      roll -= weights[i] as number;
      if (roll < 0) return i;
    }
    return weights.length - 1;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return this.pick(entries)[0];
  }

  /** Up to `count` distinct items, in random order (rejection sampling: counts here are small). */
  sample<T>(items: readonly T[], count: number): T[] {
    const size = Math.min(count, items.length);
    const chosen: number[] = [];
    while (chosen.length < size) {
      const index = Math.floor(this.next() * items.length);
      if (!chosen.includes(index)) chosen.push(index);
    }
    return chosen.map((index) => items[index] as T);
  }
}

/** A random stream keyed by its purpose, e.g. createRandom(seed, 'customer', index). */
export function createRandom(...keys: readonly (string | number)[]): Random {
  return new Random(hashString(keys.join('\u001f')));
}

const bijections = new Map<string, { multiplier: bigint; offset: bigint; modulus: bigint }>();

function bijection(key: string, digits: number) {
  const cacheKey = `${key}\u001f${digits}`;
  let found = bijections.get(cacheKey);
  if (!found) {
    const modulus = 10n ** BigInt(digits);
    let multiplier = (BigInt(hashString(key, 1)) * 2654435761n + 1n) % modulus;
    if (multiplier % 2n === 0n) multiplier += 1n;
    if (multiplier % 5n === 0n) multiplier += 2n;
    found = { multiplier, offset: BigInt(hashString(key, 2)) % modulus, modulus };
    bijections.set(cacheKey, found);
  }
  return found;
}

/**
 * A bijection of [0, 10^digits) keyed by `key` (an affine map with a multiplier coprime to 10): distinct indexes
 * always give distinct zero-padded numbers, which makes phones and loyalty cards unique without remembering them.
 */
export function uniqueDigits(key: string, index: number, digits: number): string {
  const { multiplier, offset, modulus } = bijection(key, digits);
  if (digits <= 8 && index < 1e7) {
    // Exact in doubles (below 2^53) and much faster than BigInt.
    const value = (index * Number(multiplier) + Number(offset)) % Number(modulus);
    return String(value).padStart(digits, '0');
  }
  return ((BigInt(index) * multiplier + offset) % modulus).toString().padStart(digits, '0');
}

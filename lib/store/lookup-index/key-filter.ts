/**
 * A Bloom filter over one run's keys, kept with the run's sealed directory: a lookup of one key reads a block only
 * from the runs that may hold it, instead of one block from every run (each block read first costs a read and a
 * decryption). No false negatives; about 1 % false positives at 10 bits per key and 7 hashes.
 */
export class KeyFilter {
  private constructor(
    private readonly bits: Uint8Array<ArrayBuffer>,
    private readonly hashes: number,
  ) {}

  static forKeys(count: number): KeyFilter {
    return new KeyFilter(new Uint8Array(Math.max(8, Math.ceil((count * 10) / 8))), 7);
  }

  /** A filter as saved: its bits, and how many hashes it was built with. */
  static from(bits: Uint8Array<ArrayBuffer>, hashes: number): KeyFilter {
    return new KeyFilter(bits, hashes);
  }

  get saved(): { bits: Uint8Array<ArrayBuffer>; hashes: number } {
    return { bits: this.bits, hashes: this.hashes };
  }

  add(key: string): void {
    hash(key);
    const size = this.bits.length * 8;
    for (let i = 0; i < this.hashes; i++) {
      const bit = ((h1 + Math.imul(i, h2)) >>> 0) % size;
      this.bits[bit >>> 3] = (this.bits[bit >>> 3] as number) | (1 << (bit & 7));
    }
  }

  mayHave(key: string): boolean {
    hash(key);
    const size = this.bits.length * 8;
    for (let i = 0; i < this.hashes; i++) {
      const bit = ((h1 + Math.imul(i, h2)) >>> 0) % size;
      if (((this.bits[bit >>> 3] as number) & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}

// The two hashes of the last key hashed (no allocation per key: a merge adds hundreds of thousands).
let h1 = 0;
let h2 = 0;

/** Two 32-bit FNV-1a variants over the key's UTF-16 code units, combined by double hashing. */
function hash(key: string): void {
  h1 = 0x811c9dc5;
  h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995) ^ (h2 >>> 15);
  }
  h2 |= 1;
}

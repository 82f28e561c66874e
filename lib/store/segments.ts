import type { Customer } from '../feed/schema';
import { KEY_SEPARATOR, SEGMENT_SIZE, type Segment } from './db';
import type { Entry } from './key-index';
import { customerKeys } from './keys';

/** Packs customers into new segments of SEGMENT_SIZE. */
export function packSegments(customers: Customer[]): Segment[] {
  const segments: Segment[] = [];
  for (let start = 0; start < customers.length; start += SEGMENT_SIZE) {
    const slice = customers.slice(start, start + SEGMENT_SIZE);
    const keysOf = slice.map((customer) => customerKeys(customer).join(KEY_SEPARATOR));
    segments.push({
      ids: slice.map((customer) => customer.id),
      versions: slice.map((customer) => customer.version),
      keysOf,
      docs: slice.map((customer) => JSON.stringify(customer)),
    });
  }
  return segments;
}

/** The segment without the given ids, or null when nothing is left in it. */
export function withoutIds(segment: Segment, removed: Set<string>): Segment | null {
  const keep = segment.ids.flatMap((id, i) => (removed.has(id) ? [] : [i]));
  if (keep.length === 0) return null;
  const pick = <T>(values: T[]) => keep.map((i) => values[i] as T);
  return {
    seg: segment.seg,
    ids: pick(segment.ids),
    versions: pick(segment.versions),
    keysOf: pick(segment.keysOf),
    docs: pick(segment.docs),
  };
}

/** The customers of a segment that hold this key, parsed. */
export function customersWithKey(segment: Segment, key: string): Customer[] {
  const found: Customer[] = [];
  segment.keysOf.forEach((keys, i) => {
    if (keys.split(KEY_SEPARATOR).includes(key)) found.push(JSON.parse(segment.docs[i] as string) as Customer);
  });
  return found;
}

/** The index entries of a stored segment: each key of its customers, once, pointing at it. */
export function segmentEntries(segment: Segment, seg: number): Entry[] {
  const entries = new Map<string, Entry>();
  segment.keysOf.forEach((joined, position) => {
    for (const key of joined.split(KEY_SEPARATOR)) {
      const version = key.startsWith('i:') ? (segment.versions[position] as number) : 0;
      if (!entries.has(key)) entries.set(key, [key, seg, version]);
    }
  });
  return [...entries.values()];
}

/** The keys of one customer of a segment. */
export function keysAt(segment: Segment, position: number): string[] {
  return (segment.keysOf[position] as string).split(KEY_SEPARATOR);
}

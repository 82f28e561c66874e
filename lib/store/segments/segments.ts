import type { Customer } from '../../feed/schema';
import { openTexts, sealTexts } from '../crypto/crypto';
import { KEY_SEPARATOR, SEGMENT_SIZE, type Segment, type StoredSegment } from '../db';
import { customerKeys } from '../keys';
import type { Entry } from '../lookup-index/key-index';

/** Packs customers into new segments of SEGMENT_SIZE. */
export function packSegments(customers: Customer[], receivedAt: number): Segment[] {
  const segments: Segment[] = [];
  for (let start = 0; start < customers.length; start += SEGMENT_SIZE) {
    const slice = customers.slice(start, start + SEGMENT_SIZE);
    const keysOf = slice.map((customer) => customerKeys(customer).join(KEY_SEPARATOR));
    segments.push({
      ids: slice.map((customer) => customer.id),
      versions: slice.map((customer) => customer.version),
      receivedAt,
      keysOf,
      docs: slice.map((customer) => JSON.stringify(customer)),
    });
  }
  return segments;
}

/** The box is bound to the clear ids and versions beside it: altering them makes the segment unreadable. */
const contextOf = (segment: { ids: string[]; versions: number[] }) =>
  `segment\n${JSON.stringify([segment.ids, segment.versions])}`;

/**
 * Sealed text of a segment: its keys as JSON on the first line, then one customer per line (JSON.stringify never
 * writes a raw line break), so customers stay separate strings without being escaped a second time.
 */
export async function sealSegments(key: CryptoKey, segments: Segment[]): Promise<StoredSegment[]> {
  const boxes = await sealTexts(
    key,
    segments.map((segment) => [[JSON.stringify(segment.keysOf), ...segment.docs].join('\n'), contextOf(segment)]),
  );
  return segments.map(({ seg, ids, versions, receivedAt }, i) => ({
    ...(seg === undefined ? {} : { seg }),
    ids,
    versions,
    receivedAt,
    box: boxes[i] as StoredSegment['box'],
  }));
}

export async function openSegments(key: CryptoKey, stored: StoredSegment[]): Promise<Segment[]> {
  const texts = await openTexts(
    key,
    stored.map((segment) => [segment.box, contextOf(segment)]),
  );
  return stored.map(({ seg, ids, versions, receivedAt }, i) => {
    const [keys = '[]', ...docs] = (texts[i] as string).split('\n');
    return { seg, ids, versions, receivedAt, keysOf: JSON.parse(keys) as string[], docs };
  });
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
    receivedAt: segment.receivedAt,
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

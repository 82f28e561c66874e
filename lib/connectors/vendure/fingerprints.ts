/**
 * Address changes do not move a Vendure customer's updatedAt. The sweep lists every customer's address ids and
 * timestamps and folds them into BUCKETS sums (a customer's bucket comes from its id): a bucket whose sum differs from
 * the previous sweep's holds a customer whose addresses were added, changed or removed, and only that bucket's
 * customers are read again. The cursor holds 2 × BUCKETS numbers whatever the shop's size.
 */
export const BUCKETS = 256;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function bucketOf(vendureId: string): number {
  return fnv1a(vendureId) % BUCKETS;
}

export interface AddressStamps {
  id: string;
  addresses?: { id: string; updatedAt: string }[] | null;
}

/** Adds the page's customers to the running sums (order-independent, so pages can come in any order). */
export function addToBuckets(sums: number[], customers: AddressStamps[]): number[] {
  const next = sums.length === BUCKETS ? [...sums] : new Array<number>(BUCKETS).fill(0);
  for (const customer of customers) {
    const addresses = (customer.addresses ?? [])
      .map((address) => `${address.id}@${address.updatedAt}`)
      .sort()
      .join(',');
    const bucket = bucketOf(customer.id);
    next[bucket] = ((next[bucket] ?? 0) + fnv1a(`${customer.id}|${addresses}`)) >>> 0;
  }
  return next;
}

/** Buckets whose sums differ (none on the first sweep: there is nothing to compare with). */
export function changedBuckets(previous: number[] | null, current: number[]): Set<number> {
  const changed = new Set<number>();
  if (!previous || previous.length !== current.length) return changed;
  for (let i = 0; i < current.length; i++) if (previous[i] !== current[i]) changed.add(i);
  return changed;
}

/**
 * Live ids as compact text: runs of consecutive integer ids (Vendure's default) as "a-b", others as they are, joined by
 * commas after escaping. 2,000 customers with a few deletions take a few dozen characters.
 */
export function addIds(ranges: string, ids: string[]): string {
  const all = [...expandIds(ranges), ...ids];
  const numbers = [...new Set(all.filter((id) => /^\d{1,15}$/.test(id)).map(Number))].sort((a, b) => a - b);
  const others = [...new Set(all.filter((id) => !/^\d{1,15}$/.test(id)))].map((id) => `'${encodeURIComponent(id)}`);
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] as number) + 1) j++;
    runs.push(i === j ? String(numbers[i]) : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return [...runs, ...others].join(',');
}

export function expandIds(ranges: string): string[] {
  if (!ranges) return [];
  const ids: string[] = [];
  for (const part of ranges.split(',')) {
    if (part.startsWith("'")) {
      ids.push(decodeURIComponent(part.slice(1)));
      continue;
    }
    const [from, to] = part.split('-').map(Number) as [number, number | undefined];
    for (let id = from; id <= (to ?? from); id++) ids.push(String(id));
  }
  return ids;
}

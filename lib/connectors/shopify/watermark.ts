import type { Watermark } from './state';

/**
 * A record changed less than this long before Shopify answered (by Shopify's own clock) may change again within
 * the same second: it is not marked as read, so the next pass sends it once more instead of skipping a change.
 */
const SETTLE_MS = 5_000;
const MAX_IDS = 1_000;

function secondOf(time: string): number {
  return Math.floor(Date.parse(time) / 1000);
}

/** Shopify's search filter: the boundary second is read again (`>=`), its known ids skipped by `alreadyRead`. */
export function updatedSince(mark: Watermark): string | null {
  return mark.since === null ? null : `updated_at:>='${mark.since}'`;
}

export function alreadyRead(mark: Watermark, record: { id?: unknown; updatedAt?: unknown }): boolean {
  return (
    mark.since !== null &&
    typeof record.id === 'string' &&
    typeof record.updatedAt === 'string' &&
    secondOf(record.updatedAt) === secondOf(mark.since) &&
    mark.ids.includes(record.id)
  );
}

/** The watermark after reading `records`: the latest second seen, and the settled ids read at that second. */
export function advance(
  mark: Watermark,
  records: { id?: unknown; updatedAt?: unknown }[],
  serverTime: number,
): Watermark {
  let since = mark.since;
  let ids = [...mark.ids];
  for (const { id, updatedAt } of records) {
    if (typeof id !== 'string' || typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) continue;
    const second = secondOf(updatedAt);
    const settled = serverTime - Date.parse(updatedAt) >= SETTLE_MS;
    const current = since === null ? Number.NEGATIVE_INFINITY : secondOf(since);
    if (second > current) {
      since = updatedAt;
      ids = settled ? [id] : [];
    } else if (second === current && settled && !ids.includes(id)) {
      ids.push(id);
    }
  }
  // Ids beyond the cap are merely read again next time.
  return { since, ids: ids.slice(-MAX_IDS) };
}

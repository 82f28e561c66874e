import { z } from 'zod';
import { pagerSchema } from './pager';

/** Watermarks start this long before the server's clock at the start of the pass they close (late writes, clocks). */
export const MARGIN_MS = 10_000;
/** Customer scans (changed customers, deletions) run at most this often… */
export const SCAN_EVERY_MS = 15 * 60_000;
/** …and, on large shops, are spaced by at least this many times the last scan's duration (≤ 10% of the time). */
export const SCAN_SPACING = 10;
/** A scan that sends every customer again (meta written by plugins does not touch `date_modified`), at most daily. */
export const REFRESH_EVERY_MS = 24 * 60 * 60_000;
/** …spaced, on very large shops, by at least this many times the last one's duration. */
export const REFRESH_SPACING = 4;

const time = z.number().int().nonnegative();

/**
 * Everything the connector needs to go on after the service worker was killed, committed with each page. Server
 * times come from WooCommerce's Date header; client times (scheduling only) from the context's clock.
 */
export const stateSchema = z.object({
  v: z.literal(1),
  /** The customer scan under way: `full` sends every customer, otherwise only those changed since `customersSince`. */
  scan: z.object({ pager: pagerSchema, full: z.boolean(), serverStart: time.nullable(), clientStart: time }).nullable(),
  /** The pass over orders modified since `ordersSince`, under way. */
  orders: z.object({ pager: pagerSchema, serverStart: time.nullable() }).nullable(),
  /** Customers whose orders changed, to read again with their orders. */
  pending: z.array(z.number().int().positive()).max(1_000),
  customersSince: time.nullable(),
  ordersSince: time.nullable(),
  scannedAt: time.nullable(),
  scanMs: time,
  refreshedAt: time.nullable(),
  refreshMs: time,
});
export type WooState = z.infer<typeof stateSchema>;

export const initialState = (): WooState => ({
  v: 1,
  scan: null,
  orders: null,
  pending: [],
  customersSince: null,
  ordersSince: null,
  scannedAt: null,
  scanMs: 0,
  refreshedAt: null,
  refreshMs: 0,
});

/** Is a customer scan due at the start of a sync run? And must it send everyone (first sync, daily refresh)? */
export function dueScan(state: WooState, now: number): { full: boolean } | null {
  const full =
    state.refreshedAt === null ||
    now - state.refreshedAt >= Math.max(REFRESH_EVERY_MS, REFRESH_SPACING * state.refreshMs);
  if (full) return { full };
  const spacing = Math.max(SCAN_EVERY_MS, SCAN_SPACING * state.scanMs);
  return state.scannedAt === null || now - state.scannedAt >= spacing ? { full: false } : null;
}

/** Closes a finished scan: the next one sends customers changed since this one began (less the margin). */
export function finishScan(state: WooState, now: number): void {
  const scan = state.scan;
  if (!scan) return;
  const since = (scan.serverStart ?? scan.clientStart) - MARGIN_MS;
  state.customersSince = since;
  // After the first scan, orders are followed from when it began: every customer sent was read after that.
  state.ordersSince ??= since;
  state.scannedAt = now;
  state.scanMs = Math.max(0, now - scan.clientStart);
  if (scan.full) {
    state.refreshedAt = scan.clientStart;
    state.refreshMs = state.scanMs;
  }
  state.scan = null;
}

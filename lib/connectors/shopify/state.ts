import { z } from 'zod';

/*
 * The Shopify connector's cursor: everything needed to go on after the service worker is killed. A sync starts with
 * a bulk export of the whole shop, then runs incremental cycles: changed customers, then customers of changed
 * orders, then (when due) the deletion sweep. A cycle ends the sync run (`more: false`); the next run starts the next.
 */

const time = z.string().min(1).max(40);
const count = z.number().int().nonnegative();
const pageCursor = z.string().max(2_000).nullable();

/**
 * How far a pass has read: Shopify's `updated_at` filter is per second, so the next pass reads the boundary second
 * again (`>=`) and skips the ids it already had at that second.
 */
export const watermarkSchema = z.object({ since: time.nullable(), ids: z.array(z.string().max(200)).max(1_000) });
export type Watermark = z.infer<typeof watermarkSchema>;

/** A pass under way: the page it is at, and the watermark it will leave once done. */
const passSchema = z.object({ after: pageCursor, next: watermarkSchema });
export type Pass = z.infer<typeof passSchema>;

export const sweepSchema = z.object({
  /** When the next sweep may start. */
  dueAt: time,
  after: pageCursor,
  /** Numeric part of the highest customer id the sweep under way has covered. */
  floor: count,
  pages: count,
});
export type Sweep = z.infer<typeof sweepSchema>;

export const bulkStateSchema = z.object({
  v: z.literal(1),
  phase: z.literal('bulk'),
  /** The BulkOperation's gid once started (or adopted), its `createdAt`, and its result URL once completed. */
  op: z.string().max(200).nullable(),
  startedAt: time.nullable(),
  url: z.string().max(8_000).nullable(),
  /** Where the next page starts in the JSONL file: byte offset (for a Range request) and line number. */
  byte: count,
  line: count,
  emitted: count,
  total: count.nullable(),
  /** Bulk operations that failed, were canceled or expired in a row; at 3 the paged read takes over. */
  failures: count,
});
export type BulkState = z.infer<typeof bulkStateSchema>;

export const cycleStateSchema = z.object({
  v: z.literal(1),
  phase: z.enum(['customers', 'orders', 'sweep']),
  customers: watermarkSchema,
  orders: watermarkSchema,
  pass: passSchema.nullable(),
  sweep: sweepSchema,
});
export type CycleState = z.infer<typeof cycleStateSchema>;

export const stateSchema = z.union([bulkStateSchema, cycleStateSchema]);
export type ShopifyState = z.infer<typeof stateSchema>;

export function initialState(): BulkState {
  return {
    v: 1,
    phase: 'bulk',
    op: null,
    startedAt: null,
    url: null,
    byte: 0,
    line: 0,
    emitted: 0,
    total: null,
    failures: 0,
  };
}

/** Incremental cycles from `customersSince` (null: every customer) and `ordersSince`. */
export function cycleFrom(customersSince: string | null, ordersSince: string, sweepDueAt: string): CycleState {
  return {
    v: 1,
    phase: 'customers',
    customers: { since: customersSince, ids: [] },
    orders: { since: ordersSince, ids: [] },
    pass: null,
    sweep: { dueAt: sweepDueAt, after: null, floor: 0, pages: 0 },
  };
}

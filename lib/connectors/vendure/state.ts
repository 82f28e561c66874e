import { z } from 'zod';
import { initialPager, pagerSchema } from './pager';

/**
 * The Vendure connector's cursor: everything needed to resume after the service worker is killed.
 *
 * A run goes through phases: `customers` (customers by updatedAt), `orders` (orders by updatedAt: their customers are
 * read again), then, when due, `sweep` (every live customer's address stamps: deletions and address changes) and
 * `refresh` (customers whose addresses changed), and ends `idle`. The next run starts from `idle`.
 */
export const vendureStateSchema = z.object({
  v: z.literal(1),
  phase: z.enum(['customers', 'orders', 'sweep', 'refresh', 'idle']),
  customers: pagerSchema,
  orders: pagerSchema,
  sweep: z.object({
    /** When the last sweep finished (client clock, ms); null: never. */
    lastAt: z.number().nullable(),
    /** The sweep in progress: how far it listed, the live ids seen, the address sums so far. */
    skip: z.number().int().nonnegative(),
    live: z.string(),
    sums: z.array(z.number()),
    /** The last finished sweep's address sums. */
    previous: z.array(z.number()).nullable(),
    /** When the sweep in progress began, and how long the last one took (ms): its period scales with it. */
    startedAt: z.number().nullable().default(null),
    tookMs: z.number().nonnegative().default(0),
  }),
  /** Vendure ids of customers to read again (their addresses changed). */
  refresh: z.array(z.string()),
});

export type VendureState = z.infer<typeof vendureStateSchema>;

export const initialState: VendureState = {
  v: 1,
  phase: 'customers',
  customers: initialPager,
  orders: initialPager,
  sweep: { lastAt: null, skip: 0, live: '', sums: [], previous: null, startedAt: null, tookMs: 0 },
  refresh: [],
};

import { z } from 'zod';

/** `extensions.cost` of every Admin GraphQL answer, as Shopify documents it. */
export const costSchema = z.object({
  requestedQueryCost: z.number().nonnegative(),
  actualQueryCost: z.number().nonnegative().nullable(),
  throttleStatus: z.object({
    maximumAvailable: z.number().positive(),
    currentlyAvailable: z.number().nonnegative(),
    restoreRate: z.number().positive(),
  }),
});
export type QueryCost = z.infer<typeof costSchema>;

/**
 * Spends Shopify's query-cost bucket so one agent's browser stays far inside the store's budget. The bucket is per
 * app and store, so every agent's browser (and the merchant's other uses of the same app) draws on it.
 *
 * Rule: a request may only start when, after paying its requested cost, at least half of the bucket is left. The
 * bucket refills at `restoreRate` points a second from the level Shopify last reported, so the wait is
 * `(min(max, cost + max / 2) - available) / restoreRate` seconds. A query's cost is taken from its previous answer;
 * one never sent yet counts as 0 (the request then only waits for the bucket to be half full).
 */
export class Pacer {
  private status: QueryCost['throttleStatus'] | null = null;
  private reportedAt = 0;
  private readonly costs = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** Remembers what Shopify reported after a request for `document`. */
  record(document: string, cost: QueryCost): void {
    this.costs.set(document, cost.requestedQueryCost);
    this.status = cost.throttleStatus;
    this.reportedAt = this.now();
  }

  /** Milliseconds to wait before sending `document` (see the class comment). */
  delayBefore(document: string): number {
    return this.delayFor(this.costs.get(document) ?? 0);
  }

  /** Milliseconds until the bucket holds `cost` plus the half kept in reserve. */
  delayFor(cost: number): number {
    const status = this.status;
    if (!status) return 0;
    const { maximumAvailable: max, restoreRate } = status;
    const elapsed = Math.max(0, this.now() - this.reportedAt) / 1000;
    const available = Math.min(max, status.currentlyAvailable + elapsed * restoreRate);
    const target = Math.min(max, cost + max / 2);
    return available >= target ? 0 : Math.ceil(((target - available) / restoreRate) * 1000);
  }
}

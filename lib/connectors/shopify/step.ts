import type { SourceContext } from '../types';
import type { ShopifyClient } from './client';
import { mapCustomer } from './map-customer';
import type { CustomerNode } from './nodes';
import { attachRefunds } from './refunds';
import type { ShopifyState } from './state';

/** What one phase of the connector needs. */
export interface StepContext {
  client: ShopifyClient;
  /** Record versions (http.ts createReadClock). */
  version: () => number;
  source: SourceContext;
}

/** One page's worth of work: the changes, the state to resume from, and whether the run goes on. */
export interface Step {
  changes: unknown[];
  next: ShopifyState;
  more: boolean;
  remaining?: number;
}

/** The earliest a deletion sweep runs again, and the time it waits per page it read (see sweep.ts). */
export const SWEEP_MIN_INTERVAL_MS = 15 * 60_000;
export const SWEEP_INTERVAL_PER_PAGE_MS = 60_000;

export function sweepDueAfter(now: Date, pages: number): string {
  return new Date(now.getTime() + Math.max(SWEEP_MIN_INTERVAL_MS, pages * SWEEP_INTERVAL_PER_PAGE_MS)).toISOString();
}

/** Customers as feed records, with the refunds of their orders read first. */
export async function mapCustomers(
  context: StepContext,
  nodes: CustomerNode[],
  signal: AbortSignal | undefined,
): Promise<unknown[]> {
  await attachRefunds(context.client, nodes, signal);
  return nodes.map((node) => mapCustomer(node, context.version()));
}

import type { Deletion } from '../../feed/schema';
import type { Connection, CustomerNode } from './nodes';
import {
  CHANGED_ORDERS_PER_REQUEST,
  CHANGED_ORDERS_QUERY,
  CUSTOMERS_BY_ID_QUERY,
  CUSTOMERS_PER_REQUEST,
  CUSTOMERS_QUERY,
} from './queries';
import type { CycleState } from './state';
import { mapCustomers, type Step, type StepContext } from './step';
import { advance, alreadyRead, updatedSince } from './watermark';

/** Customers per page handed to the engine: a page is about 25 requests of 4 customers. */
const PAGE_TARGET = 100;

/** Customers changed since the watermark, oldest change first, page after page. */
export async function customersStep(
  context: StepContext,
  state: CycleState,
  limit: number,
  signal?: AbortSignal,
): Promise<Step> {
  let { after, next } = state.pass ?? { after: null, next: state.customers };
  const target = Math.max(1, Math.min(limit, PAGE_TARGET));
  const nodes: CustomerNode[] = [];
  let finished = false;
  while (nodes.length < target && !finished) {
    const { data, serverTime } = await context.client.query<{ customers: Connection<CustomerNode> }>(
      CUSTOMERS_QUERY,
      { first: CUSTOMERS_PER_REQUEST, after, query: updatedSince(state.customers) },
      signal,
    );
    const page = data.customers;
    nodes.push(...page.nodes.filter((node) => !alreadyRead(state.customers, node)));
    next = advance(next, page.nodes, serverTime);
    after = page.pageInfo.endCursor;
    finished = !page.pageInfo.hasNextPage;
  }
  const changes = await mapCustomers(context, nodes, signal);
  if (!finished) return { changes, next: { ...state, pass: { after, next } }, more: true };
  return { changes, next: { ...state, phase: 'orders', customers: next, pass: null }, more: true };
}

interface ChangedOrder {
  id?: string;
  updatedAt?: string;
  customer?: { id?: string } | null;
}

/**
 * Orders changed since the watermark, one page at a time: their customers are read again with their recent orders
 * (an order placed, refunded or shipped leaves the customer's own `updatedAt` as it was).
 */
export async function ordersStep(context: StepContext, state: CycleState, signal?: AbortSignal): Promise<Step> {
  const pass = state.pass ?? { after: null, next: state.orders };
  const { data, serverTime } = await context.client.query<{ orders: Connection<ChangedOrder> }>(
    CHANGED_ORDERS_QUERY,
    { first: CHANGED_ORDERS_PER_REQUEST, after: pass.after, query: updatedSince(state.orders) },
    signal,
  );
  const page = data.orders;
  const fresh = page.nodes.filter((order) => !alreadyRead(state.orders, order));
  const ids = [...new Set(fresh.flatMap((order) => (order.customer?.id ? [order.customer.id] : [])))];
  const changes = await rereadCustomers(context, ids, signal);
  const next = advance(pass.next, page.nodes, serverTime);
  if (page.pageInfo.hasNextPage) {
    return { changes, next: { ...state, pass: { after: page.pageInfo.endCursor, next } }, more: true };
  }
  const now = context.source.now();
  const sweepDue = now.getTime() >= Date.parse(state.sweep.dueAt);
  const done: CycleState = { ...state, orders: next, pass: null, phase: sweepDue ? 'sweep' : 'customers' };
  return { changes, next: done, more: sweepDue };
}

/** Customers by id; one Shopify no longer has (null) was deleted since its order changed. */
async function rereadCustomers(context: StepContext, ids: string[], signal?: AbortSignal): Promise<unknown[]> {
  const found: CustomerNode[] = [];
  const deleted: Deletion[] = [];
  const deletedAt = context.source.now().toISOString();
  for (let start = 0; start < ids.length; start += CUSTOMERS_PER_REQUEST) {
    const batch = ids.slice(start, start + CUSTOMERS_PER_REQUEST);
    const { data } = await context.client.query<{ nodes: (CustomerNode | null)[] }>(
      CUSTOMERS_BY_ID_QUERY,
      { ids: batch },
      signal,
    );
    batch.forEach((id, i) => {
      const node = data.nodes[i];
      if (node) found.push(node);
      else deleted.push({ id, deleted: true, deletedAt });
    });
  }
  return [...(await mapCustomers(context, found, signal)), ...deleted];
}

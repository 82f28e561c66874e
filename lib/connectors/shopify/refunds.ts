import type { ShopifyClient } from './client';
import { needsRefunds, recentOrders } from './map-order';
import type { CustomerNode, OrderNode, RefundNode } from './nodes';
import { REFUNDED_ORDERS_PER_REQUEST, REFUNDS_QUERY } from './queries';

interface RefundsAnswer {
  nodes: ({ id?: string; refunds?: RefundNode[] | null } | null)[];
}

/**
 * Reads the refunds of the orders that will be mapped and have refunded or removed units, and attaches them to those
 * orders (`returned` quantities). Asking for refund line items with every order would multiply each page's requested
 * cost several times over for the few orders that have any.
 */
export async function attachRefunds(
  client: ShopifyClient,
  customers: CustomerNode[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const orders = new Map<string, OrderNode>();
  for (const customer of customers) {
    for (const order of recentOrders(customer.orders?.nodes ?? [])) {
      if (order.id && needsRefunds(order)) orders.set(order.id, order);
    }
  }
  const ids = [...orders.keys()];
  for (let start = 0; start < ids.length; start += REFUNDED_ORDERS_PER_REQUEST) {
    const batch = ids.slice(start, start + REFUNDED_ORDERS_PER_REQUEST);
    const { data } = await client.query<RefundsAnswer>(REFUNDS_QUERY, { ids: batch }, signal);
    for (const node of data.nodes) {
      const order = node?.id ? orders.get(node.id) : undefined;
      if (order) order.refunds = node?.refunds ?? [];
    }
  }
}

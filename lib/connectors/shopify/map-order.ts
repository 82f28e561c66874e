import type { Order } from '../../feed/schema';
import type { LineItemNode, MoneyBag, OrderNode } from './nodes';
import { LINES_PER_ORDER, ORDERS_PER_CUSTOMER } from './queries';

/**
 * Where an order was placed, from its `sourceName`: `pos` is a shop's point of sale, `shopify_draft_order` an order
 * staff created in the admin (taken on the phone or by email); everything else (the online store, `web`, apps,
 * marketplaces) counts as web.
 */
function channelOf(sourceName: string | null | undefined): Order['channel'] {
  if (sourceName === 'pos') return 'store';
  if (sourceName === 'shopify_draft_order') return 'phone';
  return 'web';
}

/** Shopify's fulfillment states in the feed's words (shipped, processing…); others are kept, lower-cased. */
const fulfillmentStatus: Record<string, string> = {
  FULFILLED: 'shipped',
  PARTIALLY_FULFILLED: 'partially_shipped',
  UNFULFILLED: 'processing',
  OPEN: 'processing',
  IN_PROGRESS: 'processing',
  PENDING_FULFILLMENT: 'processing',
  SCHEDULED: 'processing',
};

/** Cancelled, then refunded, then where the parcel is: what an agent is asked about first. */
function statusOf(order: OrderNode): string {
  if (order.cancelledAt) return 'cancelled';
  if (order.displayFinancialStatus === 'REFUNDED') return 'refunded';
  if (order.displayFinancialStatus === 'PARTIALLY_REFUNDED') return 'partially_refunded';
  const fulfillment = order.displayFulfillmentStatus ?? 'UNFULFILLED';
  return fulfillmentStatus[fulfillment] ?? fulfillment.toLowerCase();
}

/** Shopify's Decimal strings as major units (19.99); an unreadable amount stays NaN for the schema to report. */
function amountOf(money: MoneyBag | null | undefined): number {
  return Number.parseFloat(money?.shopMoney?.amount ?? '');
}

/** Whether an order has refunded (or removed) units whose refund details must be read (see refunds.ts). */
export function needsRefunds(order: OrderNode): boolean {
  if (order.displayFinancialStatus === 'REFUNDED' || order.displayFinancialStatus === 'PARTIALLY_REFUNDED') {
    return true;
  }
  return (order.lineItems?.nodes ?? []).some(
    (line) => typeof line.currentQuantity === 'number' && line.currentQuantity < (line.quantity ?? 0),
  );
}

/** Units refunded per line item id, over all of the order's refunds. */
function returnedByLine(order: OrderNode): Map<string, number> {
  const returned = new Map<string, number>();
  for (const refund of order.refunds ?? []) {
    for (const item of refund.refundLineItems?.nodes ?? []) {
      const id = item.lineItem?.id;
      if (id) returned.set(id, (returned.get(id) ?? 0) + (item.quantity ?? 0));
    }
  }
  return returned;
}

function mapLine(line: LineItemNode, returned: Map<string, number>): Order['lines'][number] {
  const refunded = line.id ? returned.get(line.id) : undefined;
  return {
    sku: (line.sku ?? '').slice(0, 100),
    title: (line.title ?? '').slice(0, 300),
    quantity: line.quantity ?? 0,
    unitPrice: amountOf(line.originalUnitPriceSet),
    ...(refunded ? { returned: refunded } : {}),
  };
}

export function mapOrder(order: OrderNode): Order {
  const returned = returnedByLine(order);
  return {
    id: order.id ?? '',
    number: order.name ?? '',
    placedAt: order.processedAt ?? '',
    channel: channelOf(order.sourceName),
    status: statusOf(order),
    total: {
      amount: amountOf(order.currentTotalPriceSet),
      currency: order.currentTotalPriceSet?.shopMoney?.currencyCode ?? '',
    },
    lines: (order.lineItems?.nodes ?? []).slice(0, LINES_PER_ORDER).map((line) => mapLine(line, returned)),
    ...(order.phone ? { phone: order.phone } : {}),
  };
}

/** The most recent orders first, capped as the incremental query caps them (the bulk export sends them all). */
export function recentOrders(orders: OrderNode[]): OrderNode[] {
  const time = (order: OrderNode) => Date.parse(order.processedAt ?? '') || 0;
  return [...orders].sort((a, b) => time(b) - time(a)).slice(0, ORDERS_PER_CUSTOMER);
}

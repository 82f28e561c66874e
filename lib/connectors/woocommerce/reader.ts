import { mapPool, type WooClient } from './client';
import { type CustomerReading, mapCustomer } from './map';
import { hasRefunds } from './orders';
import { idOf, type WooCustomer, type WooOrder, type WooRefund } from './wire';

/** Orders read with each customer: its most recent ones, one request (`per_page` is at most 100). */
export const RECENT_ORDERS = 100;
/** Requests in flight at once when reading customers' orders. */
const PARALLEL = 3;
/** WordPress caps `per_page` (and so `include`) at 100. */
const MAX_PER_PAGE = 100;

/** Reads customers and maps them, each with its recent orders and their refunds (cost: docs/connectors.md). */
export class CustomerReader {
  constructor(
    private readonly client: WooClient,
    private readonly clock: () => number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Full customer records by WordPress user id, in id order; ids no longer there are absent from the answer. */
  async byIds(ids: number[]): Promise<WooCustomer[]> {
    const found: WooCustomer[] = [];
    for (let start = 0; start < ids.length; start += MAX_PER_PAGE) {
      const chunk = ids.slice(start, start + MAX_PER_PAGE);
      const page = await this.client.list<WooCustomer>(
        '/customers',
        { include: chunk.join(','), role: 'all', per_page: MAX_PER_PAGE },
        this.signal,
      );
      found.push(...page.items.filter((customer) => idOf(customer) !== null));
    }
    return found.sort((a, b) => a.id - b.id);
  }

  /** Feed records for these customers: one orders request each, plus one per order that has refunds. */
  async records(customers: WooCustomer[], readAt: Date): Promise<unknown[]> {
    const readings = await mapPool(customers, PARALLEL, (customer) => this.withOrders(customer));
    return readings.map((reading) => mapCustomer(reading, this.clock(), readAt));
  }

  private async withOrders(customer: WooCustomer): Promise<CustomerReading> {
    const page = await this.client.list<WooOrder>(
      '/orders',
      { customer: customer.id, per_page: RECENT_ORDERS, orderby: 'date', order: 'desc' },
      this.signal,
    );
    // Only orders linked by customer_id: guest orders placed with the same email are not the account's.
    const orders = page.items.filter((order) => idOf(order) !== null);
    const refunds = new Map<number, WooRefund[]>();
    for (const order of orders.filter(hasRefunds)) {
      const answer = await this.client.list<WooRefund>(`/orders/${order.id}/refunds`, { per_page: 100 }, this.signal);
      refunds.set(order.id, answer.items);
    }
    return { customer, orders, refunds };
  }
}

import type { ChangesPage } from '../../feed/schema';
import { decodeCursor, encodeCursor } from '../cursor';
import { deletionsOf } from '../sweep';
import type { SourceContext } from '../types';
import type { WooClient } from './client';
import { localId, userIdOf } from './map';
import { nextPage, startPager } from './pager';
import { CustomerReader } from './reader';
import { dueScan, finishScan, initialState, MARGIN_MS, stateSchema, type WooState } from './state';
import { gmtToMs, idOf, msToGmt, type WooCustomer, type WooOrder } from './wire';

/** Ids per listing request (WordPress's maximum). */
const LIST_PAGE = 100;
/** Customers per page when each is sent, since each costs an orders request. */
const SEND_PAGE = 20;
/** Customers read again per page after their orders changed. */
const REREAD_PAGE = 10;
const SCAN_FIELDS = 'id,date_created_gmt,date_modified_gmt';

/**
 * One page of changes. A sync run is: a customer scan when one is due (every customer on the first sync and once a
 * day, otherwise only the changed ones, and the deletion sweep), then the orders modified since the last pass, each
 * one's customer read again with its recent orders. The run ends when nothing is left; the next run starts anew.
 */
export async function fetchWooChanges(
  client: WooClient,
  clock: () => number,
  cursor: string | null,
  limit: number,
  signal: AbortSignal | undefined,
  context: SourceContext,
): Promise<ChangesPage> {
  const state = cursor ? decodeCursor(cursor, stateSchema) : initialState();
  const step = new Step(state, client, new CustomerReader(client, clock, signal), Math.max(1, limit), signal, context);
  const now = context.now().getTime();
  let changes: unknown[];
  if (state.pending.length > 0) changes = await step.reread();
  else if (state.scan) changes = await step.scan();
  else if (state.orders) changes = await step.orders();
  else {
    const due = dueScan(state, now);
    if (due) state.scan = { pager: startPager, full: due.full, serverStart: null, clientStart: now };
    else state.orders = { pager: startPager, serverStart: null };
    changes = state.scan ? await step.scan() : await step.orders();
  }
  const more = state.pending.length > 0 || state.scan !== null || state.orders !== null;
  return {
    changes,
    cursor: encodeCursor(state),
    more,
    ...(step.remaining !== undefined ? { remaining: step.remaining + state.pending.length } : {}),
  };
}

class Step {
  remaining: number | undefined;

  constructor(
    private readonly state: WooState,
    private readonly client: WooClient,
    private readonly reader: CustomerReader,
    private readonly limit: number,
    private readonly signal: AbortSignal | undefined,
    private readonly context: SourceContext,
  ) {}

  /**
   * One page of the customer scan, sorted by id. Stored ids in the id range the page covers that it does not list
   * are asked for by id: those WooCommerce no longer has were deleted (the deletion sweep). Stored ids are read
   * before the listing, so a customer created meanwhile is never taken for a deleted one.
   */
  async scan(): Promise<unknown[]> {
    const scan = this.state.scan;
    if (!scan) return [];
    const stored = await this.storedUserIds();
    const perPage = Math.min(this.limit, scan.full ? SEND_PAGE : LIST_PAGE);
    const step = await nextPage<WooCustomer>(scan.pager, perPage, (offset, per_page) =>
      this.client.list(
        '/customers',
        { role: 'all', orderby: 'id', order: 'asc', per_page, offset, ...(scan.full ? {} : { _fields: SCAN_FIELDS }) },
        this.signal,
      ),
    );
    scan.serverStart ??= step.page.serverTime ?? this.context.now().getTime();
    const listed = new Set(step.fresh.map(idOf));
    const missing = stored.filter((id) => id > scan.pager.lastId && id <= step.coveredTo && !listed.has(id));
    const since = this.state.customersSince;
    const changed = scan.full ? [] : step.fresh.filter((c) => changedSince(c, since)).map((c) => c.id);
    const fetched = await this.reader.byIds([...changed, ...missing]);
    const toSend = scan.full ? step.fresh : fetched.filter((customer) => changedSince(customer, since));
    const deletions = this.deletions([...changed, ...missing], fetched, stored);
    scan.pager = step.next;
    if (scan.full && step.page.total !== null) this.remaining = Math.max(0, step.page.total - step.next.offset);
    if (step.done) {
      finishScan(this.state, this.context.now().getTime());
      this.state.orders = { pager: startPager, serverStart: null };
    }
    return [...deletions, ...(await this.reader.records(unique(toSend), this.context.now()))];
  }

  /** One page of the orders modified since the last pass: their customers are queued to be read again. */
  async orders(): Promise<unknown[]> {
    const pass = this.state.orders;
    const since = this.state.ordersSince;
    if (!pass || since === null) {
      this.state.orders = null;
      return [];
    }
    const step = await nextPage<WooOrder>(pass.pager, LIST_PAGE, (offset, per_page) =>
      this.client.list(
        '/orders',
        {
          modified_after: msToGmt(since),
          dates_are_gmt: 'true',
          orderby: 'id',
          order: 'asc',
          per_page,
          offset,
          _fields: 'id,customer_id',
        },
        this.signal,
      ),
    );
    pass.serverStart ??= step.page.serverTime ?? this.context.now().getTime();
    const queued = new Set(this.state.pending);
    for (const order of step.fresh) {
      // Guest orders (customer_id 0) belong to no customer account: there is no one to update.
      const customer = order.customer_id;
      if (typeof customer === 'number' && Number.isSafeInteger(customer) && customer > 0 && !queued.has(customer)) {
        queued.add(customer);
        this.state.pending.push(customer);
      }
    }
    pass.pager = step.next;
    if (step.done) {
      this.state.ordersSince = pass.serverStart - MARGIN_MS;
      this.state.orders = null;
    }
    return [];
  }

  /** Customers whose orders changed, read again with their recent orders; those gone are deletions. */
  async reread(): Promise<unknown[]> {
    const ids = this.state.pending.slice(0, Math.min(this.limit, REREAD_PAGE));
    const fetched = await this.reader.byIds(ids);
    const found = new Set(fetched.map(idOf));
    const stored = ids.every((id) => found.has(id)) ? [] : await this.storedUserIds();
    this.state.pending = this.state.pending.slice(ids.length);
    this.remaining = 0;
    return [...this.deletions(ids, fetched, stored), ...(await this.reader.records(fetched, this.context.now()))];
  }

  private deletions(asked: number[], fetched: WooCustomer[], stored: number[]): unknown[] {
    const storedSet = new Set(stored);
    const live = new Set(fetched.map((customer) => localId(customer.id)));
    const candidates = asked.filter((id) => storedSet.has(id)).map(localId);
    return deletionsOf(candidates, live, this.context.now());
  }

  private async storedUserIds(): Promise<number[]> {
    const ids = await this.context.storedIds();
    return ids.map(userIdOf).filter((id): id is number => id !== null);
  }
}

/** Created or changed at or after `since` (WooCommerce leaves `date_modified` null until a first change). */
function changedSince(customer: WooCustomer, since: number | null): boolean {
  if (since === null) return true;
  const at = gmtToMs(customer.date_modified_gmt) ?? gmtToMs(customer.date_created_gmt);
  return at === null || at >= since;
}

/** Each customer once per page (a record with no usable id cannot be sent, nor be anyone). */
function unique(customers: WooCustomer[]): WooCustomer[] {
  const byId = new Map<number, WooCustomer>();
  for (const customer of customers) {
    const id = idOf(customer);
    if (id !== null && !byId.has(id)) byId.set(id, customer);
  }
  return [...byId.values()];
}

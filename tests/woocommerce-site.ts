import { readFileSync } from 'node:fs';
import type { RecordedRequest, RecordedResponse } from './replay-server';
import { startReplayServer } from './replay-server';

const fixtures = new URL('./fixtures/woocommerce/', import.meta.url);

/** A recorded response of tests/fixtures/woocommerce (status, headers and body as WooCommerce or its host sent them). */
export function recorded(name: string): RecordedResponse {
  return JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8')) as RecordedResponse;
}

function records<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8')) as T;
}

type Row = Record<string, unknown> & { id: number };

export const KEY = 'ck_4f3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a';
export const SECRET = 'cs_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b';
const WP_HEADERS = {
  'Content-Type': 'application/json; charset=UTF-8',
  'X-Robots-Tag': 'noindex',
  'X-Content-Type-Options': 'nosniff',
  'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
  'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
  Allow: 'GET, POST',
  Vary: 'Origin',
};

/**
 * A WooCommerce site over real HTTP: the recorded customers, orders and refunds of tests/fixtures/woocommerce,
 * listed the way WooCommerce's v3 controllers list them (role filter, orderby/order, per_page up to 100, page or
 * offset, include, modified_after with dates_are_gmt, customer, _fields; X-WP-Total, X-WP-TotalPages, Link and Date
 * headers). Tests change `customers`/`orders`, move `clock`, or queue failures with `failNext`.
 */
export async function startWooSite() {
  const site = {
    customers: records<Row[]>('customers'),
    orders: records<Row[]>('orders'),
    refunds: records<Record<string, Row[]>>('refunds'),
    /** The server's clock (Date header), ms. */
    clock: Date.parse('2026-03-02T09:00:00Z'),
    failures: [] as { when: (request: RecordedRequest) => boolean; response: RecordedResponse }[],
    /** Called before each listing is answered (e.g. to delete a customer between two pages). */
    beforeAnswer: undefined as ((request: RecordedRequest) => void) | undefined,
  };
  const server = await startReplayServer((request) => {
    const failure = site.failures.findIndex((f) => f.when(request));
    if (failure >= 0) return site.failures.splice(failure, 1)[0]?.response as RecordedResponse;
    if (request.headers.authorization !== `Basic ${btoa(`${KEY}:${SECRET}`)}`) return recorded('unauthorized');
    site.beforeAnswer?.(request);
    const path = request.url.pathname.replace(/^\/wp-json\/wc\/v3/, '');
    const refunds = /^\/orders\/(\d+)\/refunds$/.exec(path);
    if (path === '/customers') return listing(request, site.customers.filter(customerFilter(request.url.searchParams)));
    if (path === '/orders') return listing(request, site.orders.filter(orderFilter(request.url.searchParams)));
    if (refunds) return listing(request, site.refunds[refunds[1] as string] ?? []);
    return { status: 404, body: { code: 'rest_no_route', message: 'No route was found.', data: { status: 404 } } };
  });

  function listing(request: RecordedRequest, rows: Row[]): RecordedResponse {
    const params = request.url.searchParams;
    const perPage = Number(params.get('per_page') ?? 10);
    if (!(perPage >= 1 && perPage <= 100)) {
      return {
        status: 400,
        headers: WP_HEADERS,
        body: {
          code: 'rest_invalid_param',
          message: 'Invalid parameter(s): per_page',
          data: { status: 400, params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' } },
        },
      };
    }
    const offset = params.has('offset')
      ? Number(params.get('offset'))
      : (Number(params.get('page') ?? 1) - 1) * perPage;
    const sorted = sortRows(rows, request.url.pathname.endsWith('/customers') ? 'name' : 'date', params);
    const fields = params.get('_fields')?.split(',');
    const body = sorted
      .slice(offset, offset + perPage)
      .map((row) => (fields ? Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]])) : row));
    const pages = Math.ceil(sorted.length / perPage);
    const page = Math.ceil(offset / perPage + 1);
    const base = new URL(request.url.pathname + request.url.search, server.url);
    const link = (n: number, rel: string) => {
      const url = new URL(base);
      url.searchParams.set('page', String(n));
      return `<${url}>; rel="${rel}"`;
    };
    const links = [page > 1 ? link(Math.min(page - 1, pages), 'prev') : '', pages > page ? link(page + 1, 'next') : ''];
    return {
      headers: {
        ...WP_HEADERS,
        Date: new Date(site.clock).toUTCString(),
        'X-WP-Total': String(sorted.length),
        'X-WP-TotalPages': String(pages),
        ...(links.some(Boolean) ? { Link: links.filter(Boolean).join(', ') } : {}),
      },
      body,
    };
  }

  return {
    site,
    url: server.url,
    requests: server.requests,
    close: server.close,
    /** Answers the next request matching `when` (every request by default) with the recorded response `name`. */
    failNext(name: string, when: (request: RecordedRequest) => boolean = () => true) {
      site.failures.push({ when, response: recorded(name) });
    },
  };
}

function customerFilter(params: URLSearchParams): (row: Row) => boolean {
  const role = params.get('role') ?? 'customer';
  const include = params.get('include')?.split(',').map(Number);
  return (row) => (role === 'all' || row.role === role) && (!include || include.includes(row.id));
}

function orderFilter(params: URLSearchParams): (row: Row) => boolean {
  const customer = params.has('customer') ? Number(params.get('customer')) : null;
  const after = params.get('modified_after');
  const column = params.get('dates_are_gmt') === 'true' ? 'date_modified_gmt' : 'date_modified';
  return (row) =>
    (customer === null || row.customer_id === customer) &&
    // WP_Date_Query's `after` is exclusive.
    (after === null || Date.parse(`${row[column]}Z`) > Date.parse(`${after}Z`));
}

function sortRows(rows: Row[], defaultOrderby: string, params: URLSearchParams): Row[] {
  const orderby = params.get('orderby') ?? defaultOrderby;
  const desc = (params.get('order') ?? (defaultOrderby === 'date' ? 'desc' : 'asc')) === 'desc';
  const key = (row: Row): string | number =>
    orderby === 'id'
      ? row.id
      : orderby === 'date' || orderby === 'registered_date'
        ? String(row.date_created_gmt)
        : `${row.first_name} ${row.last_name}`;
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
  return desc ? sorted.reverse() : sorted;
}

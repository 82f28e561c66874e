import { FeedError } from '../../feed/client';
import { sleep as abortableSleep } from '../../sync/backoff';
import { requestPlatform } from '../http';
import { costSchema, Pacer } from './pacer';
import type { ShopifySettings } from './settings';

export interface ShopifyOptions {
  /** Waits before paced requests and between bulk polls; injectable so tests record the waits instead. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Epoch ms, for pacing. */
  now?: () => number;
}

export interface GraphqlAnswer<T> {
  data: T;
  /** Shopify's clock at the answer (its `Date` header), or ours without one. */
  serverTime: number;
}

interface GraphqlError {
  message?: unknown;
  extensions?: { code?: unknown };
}

export type ShopifyClient = ReturnType<typeof createShopifyClient>;

/** `POST {shop}/admin/api/{version}/graphql.json`, paced by the query-cost bucket (pacer.ts). */
export function createShopifyClient(settings: ShopifySettings, options: ShopifyOptions = {}) {
  const endpoint = `${settings.url.replace(/\/+$/, '')}/admin/api/${settings.apiVersion}/graphql.json`;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const pacer = new Pacer(now);

  async function query<T>(
    document: string,
    variables: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<GraphqlAnswer<T>> {
    const wait = pacer.delayBefore(document);
    if (wait > 0) await sleep(wait, signal);
    const init: RequestInit = {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Shopify-Access-Token': settings.token,
      },
      body: JSON.stringify({ query: document, variables }),
    };
    const response = await requestPlatform('Shopify', endpoint, init, signal).catch((error: unknown) => {
      throw explainHttpError(error, () => pacer.delayBefore(document));
    });
    const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as {
      data?: T | null;
      errors?: GraphqlError[] | string;
      extensions?: { cost?: unknown };
    };
    const cost = costSchema.safeParse(body.extensions?.cost);
    if (cost.success) pacer.record(document, cost.data);
    if (body.errors) {
      const requested = cost.success ? cost.data.requestedQueryCost : 0;
      throw explainGraphqlErrors(body.errors, () => pacer.delayFor(requested));
    }
    if (body.data === undefined || body.data === null) {
      throw new FeedError('Shopify sent an answer without data.', 200, true);
    }
    const date = Date.parse(response.headers.get('Date') ?? '');
    return { data: body.data, serverTime: Number.isNaN(date) ? now() : date };
  }

  return { query, sleep, now };
}

/** HTTP failures in Shopify's words: what to check, and whether waiting helps. */
function explainHttpError(error: unknown, throttleDelay: () => number): unknown {
  if (!(error instanceof FeedError)) return error;
  switch (error.status) {
    case 401:
      return new FeedError(
        'Shopify rejected the access token (401): paste the Admin API access token (shpat_…) of the custom app installed on this shop.',
        401,
        false,
      );
    case 403:
      return new FeedError(
        'Shopify refused access (403): the custom app needs the read_customers and read_orders Admin API scopes.',
        403,
        false,
      );
    case 404:
      return new FeedError(
        'Shopify answered 404: check the shop URL (https://{shop}.myshopify.com) and the API version.',
        404,
        false,
      );
    case 402:
    case 423:
      return new FeedError(`Shopify answered ${error.status}: the shop is frozen or locked.`, error.status, false);
    case 429:
      return new FeedError(
        'Shopify is throttling this app (429); Reconnu waits for the query-cost bucket to refill.',
        429,
        true,
        error.retryAfterMs ?? throttleDelay(),
      );
    default:
      return error;
  }
}

function explainGraphqlErrors(errors: GraphqlError[] | string, throttleDelay: () => number): FeedError {
  const list = typeof errors === 'string' ? [{ message: errors }] : errors;
  const codes = list.map((error) => error.extensions?.code);
  const message = list
    .map((error) => String(error.message ?? 'unknown error'))
    .slice(0, 3)
    .join('; ');
  if (codes.includes('THROTTLED')) {
    return new FeedError(
      'Shopify throttled the request; Reconnu waits for the query-cost bucket to refill.',
      429,
      true,
      throttleDelay(),
    );
  }
  if (codes.includes('ACCESS_DENIED')) {
    return new FeedError(
      `Shopify denied access (${message}): the custom app needs the read_customers and read_orders scopes.`,
      403,
      false,
    );
  }
  if (codes.includes('INTERNAL_SERVER_ERROR')) return new FeedError(`Shopify failed: ${message}`, 500, true);
  // Status 200, not 400: a 400 would tell the engine its cursor is unreadable and restart the sync.
  return new FeedError(`Shopify rejected the query: ${message}`, 200, false);
}

import { FeedError } from '../../feed/client';
import type { Change, Me } from '../../feed/schema';
import { decodeCursor, encodeCursor } from '../cursor';
import { createReadClock } from '../http';
import type { SourceConnector, SourceContext } from '../types';
import { apiKeyLookupId, createVendureClient, type VendureQuery } from './client';
import { localId, mapCustomer, type VendureCustomer } from './map';
import { OPEN_MARGIN_MS, type PagerRequest, pagerStep, rewound } from './pager';
import {
  ADMIN_LIST_LIMIT,
  customersQuery,
  KNOWN_CUSTOM_FIELDS,
  ORDER_STAMPS,
  SERVER_CONFIG,
  WHO_AM_I,
} from './queries';
import type { VendureSettings } from './settings';
import { initialState, type VendureState, vendureStateSchema } from './state';
import { sweepStep } from './sweep';

/**
 * Deletions and address changes are only seen by the sweep. It runs again once 20 times its last duration has
 * passed, and never sooner than 30 s: at most 5 % of the time goes to it. A small shop is swept at every sync (each
 * minute); one whose sweep takes 100 s (100,000 customers), about every 33 minutes.
 */
export function sweepPeriodMs(lastTookMs: number): number {
  return Math.max(30_000, 20 * lastTookMs);
}
/** Customers are read with their orders (one query each on the server): a page of them is kept small. */
export const CUSTOMERS_PER_PAGE = 100;

export interface VendureOptions {
  /** A fixed sweep period instead of sweepPeriodMs (tests). */
  sweepEveryMs?: number;
  customersPerPage?: number;
}

interface Shape {
  precision: number;
  customFields: string[];
}

type CustomerList = { customers: { totalItems: number; items: VendureCustomer[] } };
type OrderStamp = { id: string; updatedAt: string; customer?: { id: string } | null };

const SCALAR_TYPES = new Set(['string', 'localeString', 'text', 'localeText', 'int', 'float', 'boolean', 'datetime']);

/** Which of Reconnu's custom fields the shop defines, and its money precision: read once per connector. */
async function loadShape(query: VendureQuery, signal?: AbortSignal): Promise<Shape> {
  type Config = {
    globalSettings: {
      serverConfig: {
        moneyStrategyPrecision: number;
        entityCustomFields: { entityName: string; customFields: { name?: string; type?: string }[] }[];
      };
    };
  };
  const { data } = await query<Config>(SERVER_CONFIG, {}, signal);
  const { moneyStrategyPrecision, entityCustomFields } = data.globalSettings.serverConfig;
  // Only scalar fields can be selected without a sub-selection: a relation or struct of the same name is left out.
  const fields = entityCustomFields.find((entity) => entity.entityName === 'Customer')?.customFields ?? [];
  const defined = new Set(fields.filter((field) => SCALAR_TYPES.has(field.type ?? '')).map((field) => field.name));
  return { precision: moneyStrategyPrecision, customFields: KNOWN_CUSTOM_FIELDS.filter((name) => defined.has(name)) };
}

const pagerOptions = (request: PagerRequest) =>
  request.kind === 'after'
    ? {
        take: request.take,
        sort: { updatedAt: 'ASC' },
        ...(request.after ? { filter: { updatedAt: { after: request.after } } } : {}),
      }
    : {
        take: request.take,
        skip: request.skip,
        sort: { id: 'ASC' },
        filter: { updatedAt: { between: { start: request.start, end: request.end } } },
      };

export function createVendureConnector(settings: VendureSettings, options: VendureOptions = {}): SourceConnector {
  const query = createVendureClient(settings);
  const clock = createReadClock();
  const sweepEvery = (tookMs: number) => options.sweepEveryMs ?? sweepPeriodMs(tookMs);
  let shape: Promise<Shape> | null = null;

  async function fetchChanges(
    cursor: string | null,
    limit: number,
    signal: AbortSignal | undefined,
    context: SourceContext,
  ) {
    let state: VendureState = cursor ? decodeCursor(cursor, vendureStateSchema) : initialState;
    const now = context.now().getTime();
    if (state.phase === 'idle') {
      state = { ...state, phase: 'customers', customers: rewound(state.customers), orders: rewound(state.orders) };
    }
    shape ??= loadShape(query, signal).catch((error: unknown) => {
      shape = null;
      throw error;
    });
    const { precision, customFields } = await shape;
    const take = Math.max(1, Math.min(limit, options.customersPerPage ?? CUSTOMERS_PER_PAGE, ADMIN_LIST_LIMIT));
    const document = customersQuery(customFields);
    let serverNow: number | null = null;
    const readCustomers = async (listOptions: Record<string, unknown>) => {
      const answer = await query<CustomerList>(document, { options: listOptions }, signal);
      serverNow = answer.serverNow;
      return answer.data.customers;
    };
    const records = (customers: VendureCustomer[]): Change[] =>
      customers.map((customer) => mapCustomer(customer, clock(), precision));
    const byIds = async (ids: string[]) =>
      ids.length ? (await readCustomers({ filter: { id: { in: ids } }, take: ids.length })).items : [];

    let changes: Change[] = [];
    let remaining: number | undefined;
    switch (state.phase) {
      case 'customers': {
        const step = await pagerStep(
          state.customers,
          take,
          async (request) => ({ ...(await readCustomers(pagerOptions(request))), serverNow }),
          now,
        );
        changes = records(step.items);
        remaining = step.remaining;
        // The first run reads every customer with its orders: only orders changed from then on need the orders pass.
        const orders =
          cursor === null
            ? { ...state.orders, since: new Date((serverNow ?? now) - OPEN_MARGIN_MS).toISOString() }
            : state.orders;
        state = { ...state, customers: step.state, orders, phase: step.done ? 'orders' : 'customers' };
        break;
      }
      case 'orders': {
        const step = await pagerStep<OrderStamp>(
          state.orders,
          take,
          async (request) => {
            const answer = await query<{ orders: { totalItems: number; items: OrderStamp[] } }>(
              ORDER_STAMPS,
              { options: pagerOptions(request) },
              signal,
            );
            return { ...answer.data.orders, serverNow: answer.serverNow };
          },
          now,
        );
        const ids = [...new Set(step.items.flatMap((order) => (order.customer ? [order.customer.id] : [])))];
        changes = records(await byIds(ids));
        const due = state.sweep.lastAt === null || now - state.sweep.lastAt >= sweepEvery(state.sweep.tookMs);
        state = { ...state, orders: step.state, phase: step.done ? (due ? 'sweep' : 'idle') : 'orders' };
        break;
      }
      case 'sweep': {
        const swept = await sweepStep(query, state, context, signal);
        changes = swept.deletions;
        state = swept.state;
        break;
      }
      case 'refresh': {
        const ids = state.refresh.slice(0, take);
        changes = records(await byIds(ids));
        const refresh = state.refresh.slice(take);
        state = { ...state, refresh, phase: refresh.length ? 'refresh' : 'idle' };
        break;
      }
    }
    return {
      changes,
      cursor: encodeCursor(state),
      more: state.phase !== 'idle',
      ...(remaining === undefined ? {} : { remaining }),
    };
  }

  async function whoAmI(signal?: AbortSignal): Promise<Me> {
    type WhoAmI = {
      activeAdministrator: { id: string; firstName: string; lastName: string; emailAddress: string } | null;
    };
    const { data } = await query<WhoAmI>(WHO_AM_I, {}, signal);
    const admin = data.activeAdministrator;
    // Credentials that can read every customer see every contact: an agent's view (docs/connectors.md, "Who is
    // signed in").
    if (admin) {
      const name = `${admin.firstName} ${admin.lastName}`.trim() || admin.emailAddress;
      return { id: localId(`admin:${admin.id}`), name, email: admin.emailAddress, role: 'agent' };
    }
    const lookupId = apiKeyLookupId(settings.token);
    if (lookupId)
      return {
        id: localId(`api-key:${lookupId}`),
        name: `Vendure API key ${lookupId.slice(0, 8)}`,
        email: '',
        role: 'agent',
      };
    throw new FeedError('These Vendure credentials belong to no administrator.', 403, false);
  }

  return { kind: 'vendure', fetchChanges, whoAmI };
}

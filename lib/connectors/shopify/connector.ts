import { FeedError } from '../../feed/client';
import type { ChangesPage, Me } from '../../feed/schema';
import { decodeCursor, encodeCursor } from '../cursor';
import { createReadClock } from '../http';
import type { SourceConnector, SourceContext } from '../types';
import { bulkStep } from './bulk';
import { createShopifyClient, type ShopifyOptions } from './client';
import { sweepStep } from './deletion-sweep';
import { customersStep, ordersStep } from './incremental';
import { SHOP_QUERY } from './queries';
import type { ShopifySettings } from './settings';
import { initialState, stateSchema } from './state';
import type { Step, StepContext } from './step';

/** `defaultEmailAddress` and `defaultPhoneNumber`, which replace the deprecated contact fields, came in 2025-04. */
const MIN_API_VERSION = '2025-04';

/**
 * A bulk operation's result is a signed URL on Google Cloud Storage, not on the shop: the background must be allowed
 * to fetch it too, or the first sync cannot download the export.
 */
export const BULK_DOWNLOAD_ORIGIN = 'https://storage.googleapis.com/*';

export function createShopifyConnector(settings: ShopifySettings, options: ShopifyOptions = {}): SourceConnector {
  const client = createShopifyClient(settings, options);
  const version = createReadClock(options.now);
  const check = () => {
    if (settings.apiVersion < MIN_API_VERSION) {
      throw new FeedError(
        `Reconnu reads Shopify's Admin API ${MIN_API_VERSION} or later; this source is set to ${settings.apiVersion}.`,
        200,
        false,
      );
    }
  };

  async function fetchChanges(
    cursor: string | null,
    limit: number,
    signal: AbortSignal | undefined,
    source: SourceContext,
  ): Promise<ChangesPage> {
    check();
    const state = cursor === null ? initialState() : decodeCursor(cursor, stateSchema);
    const context: StepContext = { client, version, source };
    let step: Step;
    if (state.phase === 'bulk') step = await bulkStep(context, state, limit, signal);
    else if (state.phase === 'customers') step = await customersStep(context, state, limit, signal);
    else if (state.phase === 'orders') step = await ordersStep(context, state, signal);
    else step = await sweepStep(context, state, signal);
    return {
      changes: step.changes,
      cursor: encodeCursor(step.next),
      more: step.more,
      ...(step.remaining === undefined ? {} : { remaining: step.remaining }),
    };
  }

  /** The shop the token reads: its credential reads every customer, so its holder sees full contacts (agent). */
  async function whoAmI(signal?: AbortSignal): Promise<Me> {
    check();
    const { data } = await client.query<{ shop: { id: string; name: string; email: string | null } }>(
      SHOP_QUERY,
      {},
      signal,
    );
    return { id: data.shop.id, name: data.shop.name, email: data.shop.email ?? '', role: 'agent' };
  }

  return { kind: 'shopify', fetchChanges, whoAmI };
}

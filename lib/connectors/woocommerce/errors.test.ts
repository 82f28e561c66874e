import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MemoryStore, memoryStore, syncRun, wooConnector } from '../../../tests/woocommerce-run';
import { startWooSite } from '../../../tests/woocommerce-site';
import { FeedError } from '../../feed/client';
import { woocommerceSettingsSchema } from './settings';

let woo: Awaited<ReturnType<typeof startWooSite>>;
let store: MemoryStore;

beforeEach(async () => {
  woo = await startWooSite();
  store = memoryStore(new Date(woo.site.clock));
});
afterEach(() => woo.close());

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof FeedError)) throw new Error(`expected a FeedError, got ${String(error)}`);
  return error;
}

describe('WooCommerce connector: failures', () => {
  it('turns a 429 with Retry-After into a retryable error, and the same cursor then goes on', async () => {
    const connector = wooConnector(woo.url);
    const first = await connector.fetchChanges(null, 3, undefined, store.context);
    store.apply(first);
    woo.failNext('rate-limited');

    const error = await failure(connector.fetchChanges(store.cursor, 3, undefined, store.context));

    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 7_000 });
    const rest = await syncRun(connector, store, 3);
    expect(rest.flatMap((page) => page.changes)).toHaveLength(4);
    expect(store.records.size).toBe(7);
  });

  it("turns WordPress's maintenance page (503, Retry-After: 600) into a retryable error", async () => {
    woo.failNext('maintenance');

    const error = await failure(wooConnector(woo.url).fetchChanges(null, 3, undefined, store.context));

    expect(error).toMatchObject({ status: 503, retryable: true, retryAfterMs: 600_000 });
  });

  it('stops on 401 with a message that says to check the key', async () => {
    const connector = wooConnector(woo.url, 'ck_revoked');

    const error = await failure(connector.fetchChanges(null, 100, undefined, store.context));

    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toBe('WooCommerce answered 401: check the credentials and their scopes.');
    await expect(connector.whoAmI()).rejects.toMatchObject({ status: 401 });
  });

  it('restarts from scratch on a cursor that is not its own', async () => {
    const error = await failure(wooConnector(woo.url).fetchChanges('bm90LWEtY3Vyc29y', 100, undefined, store.context));

    expect(error).toMatchObject({ status: 400, retryable: false });
  });
});

describe('WooCommerce connector: site and identity', () => {
  it('names the shop and checks the key can list customers', async () => {
    const me = await wooConnector(woo.url).whoAmI();

    expect(me).toEqual({
      id: `woocommerce:${new URL(woo.url).host}`,
      name: new URL(woo.url).host,
      email: '',
      role: 'agent',
    });
    expect(woo.requests.at(-1)?.url.search).toBe('?role=all&per_page=1&_fields=id');
  });

  it('refuses plain http except on loopback: WooCommerce wants OAuth signatures there, and data would go in clear', async () => {
    const http = woocommerceSettingsSchema.safeParse({
      kind: 'woocommerce',
      url: 'http://shop.example.com',
      key: 'ck',
      secret: 'cs',
    });
    expect(http.error?.issues.map((issue) => issue.message)).toEqual(['WooCommerce must be reached over https://']);
    for (const url of ['https://shop.example.com/boutique', 'http://127.0.0.1:8080', 'http://localhost']) {
      expect(woocommerceSettingsSchema.safeParse({ kind: 'woocommerce', url, key: 'ck', secret: 'cs' }).success).toBe(
        true,
      );
    }

    const error = await failure(
      wooConnector('http://shop.example.com').fetchChanges(null, 10, undefined, store.context),
    );
    expect(error).toMatchObject({ status: 426, retryable: false });
  });

  it('calls the REST API under the site URL, subdirectory included', async () => {
    await wooConnector(`${woo.url}/boutique/`)
      .whoAmI()
      .catch(() => undefined);
    expect(woo.requests.at(-1)?.url.pathname).toBe('/boutique/wp-json/wc/v3/customers');
  });
});

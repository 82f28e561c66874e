import { FeedError } from '../../feed/client';
import { isLoopbackHost } from '../../feed/transport';
import { type PlatformResponse, requestPlatform } from '../http';

export const PLATFORM = 'WooCommerce';

export interface WooSettings {
  url: string;
  key: string;
  secret: string;
}

export interface WooPage<T> {
  items: T[];
  /** X-WP-Total: how many records match the query in all. */
  total: number | null;
  /** The server's clock (Date header), so watermarks never depend on the browser's clock. */
  serverTime: number | null;
}

/**
 * WooCommerce checks REST API keys as HTTP Basic credentials only over HTTPS; over plain HTTP it expects OAuth 1.0a
 * signatures instead, and customer data would travel in clear. So only https:// sites are accepted, plus loopback
 * hosts (a local test server), which get Basic credentials too.
 */
export function isAllowedSiteUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  } catch {
    return false;
  }
}

/** Calls `{site}/wp-json/wc/v3/…` with the REST API key pair (pretty permalinks must be on, as WooCommerce requires). */
export class WooClient {
  private readonly base: string;
  private readonly authorization: string;

  constructor(private readonly settings: WooSettings) {
    this.base = `${settings.url.replace(/\/+$/, '')}/wp-json/wc/v3`;
    this.authorization = `Basic ${base64(`${settings.key}:${settings.secret}`)}`;
  }

  get host(): string {
    return new URL(this.settings.url).host;
  }

  async list<T>(path: string, params: Record<string, string | number>, signal?: AbortSignal): Promise<WooPage<T>> {
    const response = await this.get(path, params, signal);
    if (!Array.isArray(response.body)) {
      throw new FeedError(`${PLATFORM} sent something other than a list for ${path}.`, 200, true);
    }
    const total = Number(response.headers.get('X-WP-Total'));
    return {
      items: response.body as T[],
      total: response.headers.has('X-WP-Total') && Number.isFinite(total) ? total : null,
      serverTime: serverTimeOf(response.headers),
    };
  }

  async get(path: string, params: Record<string, string | number>, signal?: AbortSignal): Promise<PlatformResponse> {
    if (!isAllowedSiteUrl(this.settings.url)) {
      // 426 Upgrade Required: the site must be reached over TLS.
      throw new FeedError(`${PLATFORM} must be reached over https:// (the site URL is not).`, 426, false);
    }
    const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
    const url = `${this.base}${path}${query.size > 0 ? `?${query}` : ''}`;
    return requestPlatform(
      PLATFORM,
      url,
      { headers: { Authorization: this.authorization, Accept: 'application/json' } },
      signal,
    );
  }
}

function serverTimeOf(headers: Headers): number | null {
  const value = headers.get('Date');
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? null : time;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Runs `task` over `items` with at most `width` calls in flight (WordPress hosts are often small). */
export async function mapPool<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure the page is lost anyway: start nothing more.
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

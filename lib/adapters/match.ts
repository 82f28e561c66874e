import type { SiteAdapter } from './types';

/** Whether a URL is covered by a Chrome match pattern such as "https://*.zendesk.com/*". */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parts = /^(\*|https?|wss?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const urlScheme = url.protocol.slice(0, -1);
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  if (host !== '*') {
    const bare = host.replace(/^\*\./, '');
    const hostOk = host.startsWith('*.')
      ? url.hostname === bare || url.hostname.endsWith(`.${bare}`)
      : url.hostname === host;
    if (!hostOk) return false;
  }
  const pathPattern = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return pathPattern.test(url.pathname + url.search);
}

/** The part of a URL an adapter's `pages` is tested against. */
export function pageKey(url: URL): string {
  return url.pathname + url.search + url.hash;
}

const combined = new WeakMap<readonly SiteAdapter[], string>();

/**
 * The adapter for a page: by host first (the product's own domains), then by the product's markup (custom domains,
 * self-hosted installs, and the saved fixtures the tests serve from 127.0.0.1). All fingerprints are tried in one
 * selector: one walk of the document instead of one per adapter.
 */
export function pickAdapter(
  adapters: readonly SiteAdapter[],
  url: URL,
  doc: Document,
): { adapter: SiteAdapter; by: 'host' | 'fingerprint' } | undefined {
  const byHost = adapters.find((adapter) => adapter.hosts.some((pattern) => matchesPattern(pattern, url)));
  if (byHost) return { adapter: byHost, by: 'host' };
  let selector = combined.get(adapters);
  if (selector === undefined) {
    selector = adapters.map((adapter) => adapter.fingerprint).join(', ');
    combined.set(adapters, selector);
  }
  const element = selector ? doc.querySelector(selector) : null;
  const byMarkup = element && adapters.find((adapter) => element.matches(adapter.fingerprint));
  return byMarkup ? { adapter: byMarkup, by: 'fingerprint' } : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

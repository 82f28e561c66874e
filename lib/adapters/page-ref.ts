import type { PageKind } from '../audit/place';
import { pageKey } from './match';
import type { SiteAdapter } from './types';

/** What a product's customer page is, from the part of its URL the adapter's `pages` matched. */
function kindOf(adapter: SiteAdapter, matched: string): PageKind | undefined {
  if (adapter.kind === 'softphone') return 'call';
  if (adapter.kind === 'mail') return 'message';
  if (/\/lightning\/r\/(?:Case\/)?500/i.test(matched)) return 'case';
  if (/\/lightning\/r\/(?:Lead\/)?00Q/i.test(matched)) return 'lead';
  if (/\/lightning\/r\/(?:Contact\/)?003|\/contacts?\//i.test(matched)) return 'contact';
  if (/conversation|cnv_|\/t\/|\/open\//i.test(matched)) return 'conversation';
  if (/ticket/i.test(matched)) return 'ticket';
  return undefined;
}

/**
 * The page a profile was seen on, for the audit: its kind and, for helpdesk and CRM records, the number the product
 * shows ("ticket:4821"). Only a number that ends the matched path is taken: a softphone's path may hold the caller's
 * phone number and a mail's its message id, so calls and messages get their kind alone.
 */
export function pageRef(adapter: SiteAdapter, url: URL): string | undefined {
  const matched = adapter.pages.exec(pageKey(url))?.[0];
  if (!matched) return undefined;
  const kind = kindOf(adapter, matched);
  if (!kind) return undefined;
  if (kind === 'call' || kind === 'message') return kind;
  const number = /\/(\d{1,20})$/.exec(matched)?.[1];
  return number ? `${kind}:${number}` : kind;
}

import { pageKey } from '../adapters/match';
import type { IdentifierSelectors, SiteAdapter } from '../adapters/types';
import type { Identifiers } from '../protocol/messages';
import { adapterRoot, readWithSelectors } from './adapter-read';
import { detectIdentifiers, type GenericOptions, hasIdentifiers } from './generic';
import { findIncomingCaller } from './incoming-call';

/** A per-site rule an administrator writes in the options page for an in-house CRM: no code. */
export interface SiteRule {
  /** Host name, "crm.acme.internal", or "*.acme.internal". */
  host: string;
  customer: IdentifierSelectors;
  /** Elements to ignore: the agent's own or the company's identifiers. */
  exclude?: string;
  /** Order numbers as this site writes them, a regular expression: "CMD-\d{6}". */
  orderPattern?: string;
  /** The company's own email domains on this site: "acme.com". */
  companyDomains?: string[];
}

export interface PageReading {
  identifiers: Identifiers;
  names: string[];
  source: 'adapter' | 'rule' | 'generic' | 'fallback';
  /** The identifiers are a ringing caller's (a softphone, or "Incoming call" beside a number): a screen pop. */
  call?: boolean;
  /** Set when an adapter should have found the customer on this page and did not: its selectors are stale. */
  unhealthy?: { kind: 'fields' | 'container'; page: string };
}

export interface PageContext {
  url: URL;
  doc: Document;
  adapter?: SiteAdapter;
  rule?: SiteRule;
}

/**
 * Reads the customer of a page: the adapter's or the rule's fields first; generic detection when there are none,
 * or when the adapter finds nothing on a page where it should (a host UI change), so the page degrades instead of
 * breaking, and the adapter is reported unhealthy.
 */
export function readPage({ url, doc, adapter, rule }: PageContext): PageReading {
  const options = genericOptions(adapter, rule);
  const { orderPattern, exclude } = options;
  const root = adapter ? adapterRoot(adapter, doc) : doc.body;
  const generic = (from: ParentNode) => detectIdentifiers(from, options);

  const call = adapter?.kind === 'softphone' || undefined;
  const selectors = rule?.customer ?? adapter?.customer;
  if (selectors && hasAnySelector(selectors)) {
    const reading = readWithSelectors(root, selectors, exclude, orderPattern);
    if (hasIdentifiers(reading.identifiers)) {
      return { identifiers: reading.identifiers, names: reading.names, source: rule ? 'rule' : 'adapter', call };
    }
  }
  if (!adapter && !rule) {
    const caller = findIncomingCaller(doc.body);
    if (caller)
      return { identifiers: { emails: [], phones: [caller], orders: [] }, names: [], source: 'generic', call: true };
  }
  const expected = !!adapter && adapter.pages.test(pageKey(url));
  const identifiers = generic(root ?? doc.body);
  if (!expected) return { identifiers, names: [], source: 'generic' };
  const problem = { kind: root ? ('fields' as const) : ('container' as const), page: pageKey(url).slice(0, 80) };
  // Only a page that visibly shows a customer is evidence of stale selectors; an empty ticket is not.
  const fallback = root ? identifiers : generic(doc.body);
  return {
    identifiers: fallback,
    names: [],
    source: 'fallback',
    call,
    ...(hasIdentifiers(fallback) && { unhealthy: problem }),
  };
}

/** What generic detection must know on a page: its order numbers, and whose identifiers to leave out. */
export function genericOptions(adapter?: SiteAdapter, rule?: SiteRule): GenericOptions {
  return {
    orderPattern: safeRegExp(rule?.orderPattern) ?? adapter?.orderPattern,
    exclude: [adapter?.exclude, rule?.exclude].filter(Boolean).join(', ') || undefined,
    companyDomains: rule?.companyDomains,
  };
}

function hasAnySelector(selectors: IdentifierSelectors): boolean {
  return !!(selectors.emails || selectors.phones || selectors.orders);
}

function safeRegExp(source: string | undefined): RegExp | undefined {
  if (!source) return undefined;
  try {
    return new RegExp(source, 'gu');
  } catch {
    return undefined; // the options page validates; a bad pattern must not break the page
  }
}

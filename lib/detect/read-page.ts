import { pageKey } from '../adapters/match';
import type { IdentifierSelectors, SiteAdapter } from '../adapters/types';
import type { Identifiers, Sighting } from '../protocol/messages';
import { adapterRoot, readWithSelectors } from './adapter-read';
import { detectSightings, type GenericOptions } from './generic';
import { findIncomingCaller } from './incoming-call';
import type { SiteRule } from './site-rule';

export interface PageReading {
  sightings: Sighting[];
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
  /** More documents the page shows: same-origin frames and open shadow roots (detect/roots.ts). */
  extraRoots?: readonly ParentNode[];
}

/**
 * Reads the customer of a page: the adapter's or the rule's fields first; generic detection when there are none,
 * or when the adapter finds nothing on a page where it should (a host UI change), so the page degrades instead of
 * breaking, and the adapter is reported unhealthy.
 */
export function readPage({ url, doc, adapter, rule, extraRoots = [] }: PageContext): PageReading {
  const options = genericOptions(adapter, rule);
  const { orderPattern, exclude } = options;
  const root = adapter ? adapterRoot(adapter, doc) : doc.body;
  const generic = (from: ParentNode) => [from, ...extraRoots].flatMap((part) => detectSightings(part, options));

  const call = adapter?.kind === 'softphone' || undefined;
  const selectors = rule?.customer ?? adapter?.customer;
  if (selectors && hasAnySelector(selectors)) {
    const reading = readWithSelectors(root, selectors, exclude, orderPattern);
    const sightings = fieldSightings(reading.identifiers, reading.names);
    if (sightings.length > 0) return { sightings, source: rule ? 'rule' : 'adapter', call };
  }
  if (!adapter && !rule) {
    const caller = findIncomingCaller(doc.body);
    if (caller)
      return { sightings: fieldSightings({ emails: [], phones: [caller], orders: [] }), source: 'generic', call: true };
  }
  const expected = !!adapter && adapter.pages.test(pageKey(url));
  const sightings = generic(root ?? doc.body);
  if (!expected) return { sightings, source: 'generic' };
  const problem = { kind: root ? ('fields' as const) : ('container' as const), page: pageKey(url).slice(0, 80) };
  // Only a page that visibly shows a customer is evidence of stale selectors; an empty ticket is not.
  const fallback = root ? sightings : generic(doc.body);
  return { sightings: fallback, source: 'fallback', call, ...(fallback.length > 0 && { unhealthy: problem }) };
}

/** Identifiers read from the fields an adapter, a rule or a ringing call names: the strongest evidence there is. */
export function fieldSightings(identifiers: Identifiers, names: readonly string[] = []): Sighting[] {
  const near = names.join(' ').slice(0, 300);
  const of = (kind: Sighting['kind'], values: readonly string[]) =>
    values.map((value): Sighting => ({ kind, value, cues: ['field'], near, region: 'field' }));
  return [...of('email', identifiers.emails), ...of('phone', identifiers.phones), ...of('order', identifiers.orders)];
}

/** A reading's identifiers by kind, first seen first. */
export function identifiersOf(sightings: readonly Sighting[]): Identifiers {
  const of = (kind: Sighting['kind']) => [
    ...new Set(sightings.filter((sighting) => sighting.kind === kind).map((sighting) => sighting.value)),
  ];
  return { emails: of('email'), phones: of('phone'), orders: of('order') };
}

/** The names an adapter read beside the customer's fields. */
export function namesOf(sightings: readonly Sighting[]): string[] {
  const near = sightings.find((sighting) => sighting.cues.includes('field'))?.near;
  return near ? [near] : [];
}

/** The values of a reading, to tell which identifiers are on the page now. */
export function sightedValues(sightings: readonly Sighting[]): string[] {
  return sightings.map((sighting) => sighting.value);
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

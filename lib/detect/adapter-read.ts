import type { IdentifierSelectors, SiteAdapter } from '../adapters/types';
import type { Identifiers } from '../protocol/messages';
import { EMAIL, isShown, linkTarget, PHONE } from './patterns';

const LIMIT = 20;
/** "poste 245", "ext. 12", "x12" after a number: kept, so a desk of a switchboard is not taken for another. */
const EXTENSION_TAIL = /\s*(?:poste|ext\.?|extension|durchwahl|x|#)\s*\d{1,6}\s*$/i;
const PHONE_ONLY = /^[\d\s+().\-/\u00a0\u200b-\u200f\u202a-\u202f\u2060-\u2069]+$/;

export interface AdapterReading {
  identifiers: Identifiers;
  /** The customer's name as the product shows it, for the panel's "is this the right person?" hint. */
  names: string[];
  /** The visible conversation container (or the body), where generic detection falls back to. */
  root: Element | null;
}

/** The first visible element matching the adapter's scope, or the body when it has none. */
export function adapterRoot(adapter: Pick<SiteAdapter, 'scope'>, doc: Document): Element | null {
  if (!adapter.scope) return doc.body;
  for (const element of doc.querySelectorAll(adapter.scope)) if (isShown(element)) return element;
  return null;
}

/** Reads the customer's identifiers from the fields an adapter (or a per-site rule) names. */
export function readWithSelectors(
  root: Element | null,
  selectors: IdentifierSelectors,
  exclude?: string,
  orderPattern?: RegExp,
): AdapterReading {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const orders = new Set<string>();
  const names = new Set<string>();
  const elements = (selector: string | undefined) =>
    root && selector
      ? [...root.querySelectorAll(selector)].filter((element) => !(exclude && element.closest(exclude)))
      : [];

  for (const element of elements(selectors.emails)) {
    for (const value of valuesOf(element, 'email')) emails.add(value);
  }
  for (const element of elements(selectors.phones)) {
    for (const value of valuesOf(element, 'phone')) phones.add(value);
  }
  for (const element of elements(selectors.orders)) {
    const text = fieldText(element);
    const matches = orderPattern ? [...text.matchAll(orderPattern)].map((match) => match[0]) : [text];
    for (const value of matches) if (value) orders.add(value.replace(/^#/, ''));
  }
  for (const element of elements(selectors.names)) {
    const text = fieldText(element).replace(/\s+/g, ' ');
    if (text) names.add(text);
  }
  return {
    identifiers: { emails: capped(emails), phones: capped(phones), orders: capped(orders) },
    names: capped(names),
    root,
  };
}

export function readAdapter(adapter: SiteAdapter, doc: Document): AdapterReading {
  return readWithSelectors(adapterRoot(adapter, doc), adapter.customer, adapter.exclude, adapter.orderPattern);
}

/** A field's identifiers: a link's target, an input's value, else what its text holds. */
function valuesOf(element: Element, kind: 'email' | 'phone'): string[] {
  const link = element.closest('a[href]') ?? element.querySelector('a[href^="mailto:" i], a[href^="tel:" i]');
  const target = link ? linkTarget(link) : null;
  if (target?.kind === kind && target.value) return [target.value];
  const text =
    kind === 'phone'
      ? fieldText(element)
          .normalize('NFKC')
          .replace(/[\u2010-\u2015]/g, '-')
      : fieldText(element);
  // A field that holds nothing but a phone number is the number, whatever its punctuation ("(06) 45…", "176 / 312…").
  if (kind === 'phone' && PHONE_ONLY.test(text.replace(EXTENSION_TAIL, '')) && /\d(?:\D*\d){5}/.test(text)) {
    return [text];
  }
  return [...text.matchAll(kind === 'email' ? EMAIL : PHONE)].map((match) => match[0].trim());
}

function fieldText(element: Element): string {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return element.value.trim();
  return (
    (element.getAttribute('title') && !element.textContent?.trim()
      ? element.getAttribute('title')
      : element.textContent
    )?.trim() ?? ''
  );
}

function capped(values: Set<string>): string[] {
  return [...values].slice(0, LIMIT);
}

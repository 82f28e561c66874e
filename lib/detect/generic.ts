import type { Identifiers } from '../protocol/messages';
import { EMAIL, GENERIC_EXCLUDE, isPlausiblePhone, isShown, linkTarget, MAYBE_IDENTIFIER, PHONE } from './patterns';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'TEXTAREA', 'RECONNU-PANEL']);
/** Per kind, as many as a lookup takes (identifiersSchema). */
export const IDENTIFIER_LIMIT = 20;

export interface GenericOptions {
  /** Order numbers as the site writes them (global regex); none are read without one. */
  orderPattern?: RegExp;
  /** More elements whose identifiers belong to the agent or the company, on top of GENERIC_EXCLUDE. */
  exclude?: string;
  /** Emails of these domains are the company's own (support@, the agents): never the customer's. */
  companyDomains?: readonly string[];
}

/** Visible identifiers in a subtree: mailto:/tel: links first, then emails, phones and order numbers in plain text. */
export function detectIdentifiers(root: ParentNode, options: GenericOptions = {}): Identifiers {
  const excluded = options.exclude ? `${GENERIC_EXCLUDE}, ${options.exclude}` : GENERIC_EXCLUDE;
  const keep = (element: Element | null) => !!element && !element.closest(excluded) && isShown(element);
  const ownDomain = (email: string) =>
    (options.companyDomains ?? []).some((domain) => email.toLowerCase().endsWith(`@${domain.toLowerCase()}`));
  const emails = new Set<string>();
  const phones = new Set<string>();
  const orders = new Set<string>();
  const addEmail = (email: string) => {
    if (email && !ownDomain(email)) emails.add(email);
  };

  for (const link of root.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i], a[href^="callto:" i]')) {
    const target = linkTarget(link);
    if (!target || !keep(link)) continue;
    if (target.kind === 'email') addEmail(target.value);
    else if (target.value) phones.add(target.value);
  }
  const orderPattern = options.orderPattern;
  const orderTest = orderPattern && new RegExp(orderPattern.source, orderPattern.flags.replace('g', ''));
  // One native read of all the text: most pages of a busy back-office hold no identifier at all.
  const allText = (root as Node).textContent ?? '';
  if (!MAYBE_IDENTIFIER.test(allText) && !orderTest?.test(allText)) return result(emails, phones, orders);
  // No filter callback: calling into JS for each of thousands of text nodes costs more than the regexes.
  const ownerDocument = (root as Node).ownerDocument ?? document;
  const walker = ownerDocument.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 4) continue;
    const maybe = MAYBE_IDENTIFIER.test(text);
    if (!maybe && !orderTest?.test(text)) continue;
    const found: [Set<string>, string][] = [];
    if (maybe) {
      for (const match of text.matchAll(EMAIL)) found.push([emails, match[0]]);
      for (const match of text.matchAll(PHONE)) {
        const phone = match[0].trim();
        if (isPlausiblePhone(phone)) found.push([phones, phone]);
      }
    }
    if (orderPattern) for (const match of text.matchAll(orderPattern)) found.push([orders, match[0]]);
    // Exclusion and visibility cost a style lookup each: only for text that really holds an identifier.
    const parent = node.parentElement;
    if (found.length === 0 || !parent || SKIPPED.has(parent.tagName) || !keep(parent)) continue;
    for (const [set, value] of found) {
      if (set === emails) addEmail(value);
      else set.add(value);
    }
  }
  return result(emails, phones, orders);
}

function result(emails: Set<string>, phones: Set<string>, orders: Set<string>): Identifiers {
  return { emails: first(emails), phones: first(phones), orders: first(orders) };
}

export function hasIdentifiers(identifiers: Identifiers): boolean {
  return identifiers.emails.length + identifiers.phones.length + identifiers.orders.length > 0;
}

function first(values: Set<string>): string[] {
  return [...values].slice(0, IDENTIFIER_LIMIT);
}

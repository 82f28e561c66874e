import type { Identifiers } from '../protocol/messages';
import { EMAIL, GENERIC_EXCLUDE, isShown, linkTarget, MAYBE_IDENTIFIER, PHONE } from './patterns';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'TEXTAREA', 'RECONNU-PANEL']);
const LIMIT = 20;

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
  const ownerDocument = (root as Node).ownerDocument ?? document;
  const walker = ownerDocument.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && SKIPPED.has(node.parentElement.tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const orderPattern = options.orderPattern;
  const orderTest = orderPattern && new RegExp(orderPattern.source, orderPattern.flags.replace('g', ''));
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 4) continue;
    const maybe = MAYBE_IDENTIFIER.test(text);
    const hasOrder = !!orderTest?.test(text);
    if ((!maybe && !hasOrder) || !keep(node.parentElement)) continue;
    if (maybe) {
      for (const match of text.matchAll(EMAIL)) addEmail(match[0]);
      for (const match of text.matchAll(PHONE)) phones.add(match[0].trim());
    }
    if (orderPattern && hasOrder) for (const match of text.matchAll(orderPattern)) orders.add(match[0]);
  }
  return { emails: first(emails), phones: first(phones), orders: first(orders) };
}

export function hasIdentifiers(identifiers: Identifiers): boolean {
  return identifiers.emails.length + identifiers.phones.length + identifiers.orders.length > 0;
}

function first(values: Set<string>): string[] {
  return [...values].slice(0, LIMIT);
}

import type { Identifiers } from '../protocol/messages';

const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}/gu;
// Phone-looking runs: optional + or 00, then digits with spaces, dots, dashes, slashes or "(0)" between them.
const PHONE = /(?:\+|00)?\d(?:[\s.\-/]?(?:\(0\))?[\s.\-/]?\d){7,14}/g;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'TEXTAREA']);
const LIMIT = 20;

/** Identifiers visible in a subtree: mailto:/tel: links first, then emails and phones in plain text. */
export function detectIdentifiers(root: ParentNode, orderPattern?: RegExp): Identifiers {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const orders = new Set<string>();
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"], a[href^="tel:"]')) {
    const href = decodeURIComponent(link.getAttribute('href') ?? '');
    if (href.startsWith('mailto:')) emails.add(href.slice(7).split('?')[0] as string);
    else phones.add(href.slice(4));
  }
  const walker = document.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && SKIPPED.has(node.parentElement.tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 6) continue;
    for (const match of text.matchAll(EMAIL)) emails.add(match[0]);
    for (const match of text.matchAll(PHONE)) phones.add(match[0].trim());
    if (orderPattern) for (const match of text.matchAll(orderPattern)) orders.add(match[0]);
  }
  return { emails: first(emails), phones: first(phones), orders: first(orders) };
}

export function hasIdentifiers(identifiers: Identifiers): boolean {
  return identifiers.emails.length + identifiers.phones.length + identifiers.orders.length > 0;
}

function first(values: Set<string>): string[] {
  return [...values].slice(0, LIMIT);
}

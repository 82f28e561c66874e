import { EMAIL, isElement, MAYBE_IDENTIFIER } from '../detect/patterns';
import { phonesInText } from '../detect/phone-text';

/** Larger subtrees are not searched piecewise: one full scan is cheaper than reading their text here. */
const MAX_TEXT = 20_000;

/** Identifier-looking strings in a text: the cheap first pass, before any exclusion or visibility rule. */
export function candidatesIn(text: string, orderPattern?: RegExp): string[] {
  const found: string[] = [];
  if (MAYBE_IDENTIFIER.test(text)) {
    for (const match of text.matchAll(EMAIL)) found.push(match[0]);
    for (const phone of phonesInText(text)) found.push(phone.raw);
  }
  if (orderPattern) for (const match of text.matchAll(orderPattern)) found.push(match[0]);
  return found;
}

export interface BurstAssessment {
  /**
   * 'none': nothing that matters changed; 'scoped': identifiers appeared only inside `roots`, which can be read
   * alone; 'full': something else changed (an identifier left, an element was shown or hidden): read the page.
   */
  rescan: 'none' | 'scoped' | 'full';
  /** Identifier-looking strings not seen before. */
  fresh: string[];
  /** The elements the fresh identifiers appeared in. */
  roots: Element[];
}

const MAX_ROOTS = 10;

/**
 * Decides from a burst of mutations whether, and how much of, the page must be read again: new identifier-looking
 * text appeared (beyond those already `seen`), text holding a `current` identifier went away, or an element holding
 * identifiers was shown or hidden. Most bursts on a busy page (timers, counters, hover classes) are dismissed here, at
 * a cost proportional to what changed rather than to the page.
 */
export function assessBurst(
  records: readonly MutationRecord[],
  current: ReadonlySet<string>,
  seen: ReadonlySet<string>,
  orderPattern?: RegExp,
): BurstAssessment {
  const fresh = new Set<string>();
  const roots = new Set<Element>();
  const full = (): BurstAssessment => ({ rescan: 'full', fresh: [...fresh], roots: [] });
  const isNew = (text: string) => {
    let found = false;
    for (const candidate of candidatesIn(text, orderPattern)) {
      if (!seen.has(candidate)) {
        fresh.add(candidate);
        found = true;
      }
    }
    return found;
  };
  const holdsCurrent = (text: string) => {
    for (const identifier of current) if (text.includes(identifier)) return true;
    return false;
  };
  // An identifier leaving calls for a full read, unless new ones arrived in the same burst (a ticket switch): those
  // are read at once, and the page is reconciled a moment later anyway.
  let leaving = false;
  for (const record of records) {
    if (record.type === 'characterData') {
      if (holdsCurrent(record.oldValue ?? '')) leaving = true;
      const parent = record.target.parentElement;
      if (isNew(record.target.nodeValue ?? '') && parent) roots.add(parent);
    } else if (record.type === 'attributes') {
      const text = record.target.textContent ?? '';
      if (text.length > MAX_TEXT || candidatesIn(text, orderPattern).length > 0) return full();
      const href = (record.target as Element).getAttribute('href') ?? '';
      if (record.attributeName === 'href' && /^(mailto|tel):/i.test(href)) roots.add(record.target as Element);
    } else {
      for (const node of record.removedNodes) if (holdsCurrent(node.textContent ?? '')) leaving = true;
      for (const node of record.addedNodes) {
        const text = node.textContent ?? '';
        if (text.length > MAX_TEXT) return full();
        const element = isElement(node) ? node : node.parentElement;
        if ((isNew(text) || hasContactLink(node)) && element) roots.add(element);
      }
    }
  }
  if (roots.size > MAX_ROOTS || (leaving && roots.size === 0)) return full();
  return { rescan: roots.size > 0 ? 'scoped' : 'none', fresh: [...fresh], roots: [...roots] };
}

function hasContactLink(node: Node): boolean {
  if (!isElement(node)) return false;
  const selector = 'a[href^="mailto:" i], a[href^="tel:" i]';
  return node.matches(selector) || node.querySelector(selector) !== null;
}

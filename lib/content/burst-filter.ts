import { EMAIL, MAYBE_IDENTIFIER, PHONE } from '../detect/patterns';

/** Larger subtrees are not searched piecewise: one full scan is cheaper than reading their text here. */
const MAX_TEXT = 20_000;

/** Identifier-looking strings in a text: the cheap first pass, before any exclusion or visibility rule. */
export function candidatesIn(text: string, orderPattern?: RegExp): string[] {
  const found: string[] = [];
  if (MAYBE_IDENTIFIER.test(text)) {
    for (const match of text.matchAll(EMAIL)) found.push(match[0]);
    for (const match of text.matchAll(PHONE)) found.push(match[0].trim());
  }
  if (orderPattern) for (const match of text.matchAll(orderPattern)) found.push(match[0]);
  return found;
}

/**
 * Whether a burst of mutations may have changed who the page is about: new identifier-looking text appeared
 * (beyond those already `seen`), text holding a `current` identifier went away, or an element holding identifiers
 * was shown or hidden. Most bursts on a busy page (timers, counters, hover classes) are dismissed here, at a cost
 * proportional to what changed rather than to the page.
 */
export function assessBurst(
  records: readonly MutationRecord[],
  current: ReadonlySet<string>,
  seen: ReadonlySet<string>,
  orderPattern?: RegExp,
): { rescan: boolean; fresh: string[] } {
  const fresh: string[] = [];
  const isNew = (text: string) => {
    for (const candidate of candidatesIn(text, orderPattern)) if (!seen.has(candidate)) fresh.push(candidate);
    return fresh.length > 0;
  };
  const holdsCurrent = (text: string) => {
    for (const identifier of current) if (text.includes(identifier)) return true;
    return false;
  };
  for (const record of records) {
    if (record.type === 'characterData') {
      if (isNew(record.target.nodeValue ?? '') || holdsCurrent(record.oldValue ?? '')) return { rescan: true, fresh };
    } else if (record.type === 'attributes') {
      const text = record.target.textContent ?? '';
      if (text.length > MAX_TEXT || candidatesIn(text, orderPattern).length > 0) return { rescan: true, fresh };
      if (
        record.attributeName === 'href' &&
        /^(mailto|tel):/i.test((record.target as Element).getAttribute('href') ?? '')
      ) {
        return { rescan: true, fresh };
      }
    } else {
      for (const node of record.addedNodes) {
        const text = node.textContent ?? '';
        if (text.length > MAX_TEXT || isNew(text) || hasContactLink(node)) return { rescan: true, fresh };
      }
      for (const node of record.removedNodes) if (holdsCurrent(node.textContent ?? '')) return { rescan: true, fresh };
    }
  }
  return { rescan: false, fresh };
}

function hasContactLink(node: Node): boolean {
  if (!(node instanceof Element)) return false;
  const selector = 'a[href^="mailto:" i], a[href^="tel:" i]';
  return node.matches(selector) || node.querySelector(selector) !== null;
}

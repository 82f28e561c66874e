import type { Sighting } from '../protocol/messages';
import { evidenceAt, type Place } from './cues';
import { IDENTIFIER_LIMIT, MAX_SIGHTINGS } from './limits';
import {
  EMAIL,
  GENERIC_EXCLUDE,
  isShown,
  linkTarget,
  MAYBE_IDENTIFIER,
  OBFUSCATED_EMAIL,
  revealedEmail,
} from './patterns';
import { phonesInText } from './phone-text';
import { QuoteTracker } from './quotes';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'TEXTAREA', 'RECONNU-PANEL']);

export interface GenericOptions {
  /** Order numbers as the site writes them (global regex); none are read without one. */
  orderPattern?: RegExp;
  /** More elements whose identifiers belong to the agent or the company, on top of GENERIC_EXCLUDE. */
  exclude?: string;
  /** Emails of these domains are the company's own (support@, the agents): never the customer's. */
  companyDomains?: readonly string[];
}

interface Found {
  kind: Sighting['kind'];
  value: string;
  place: Place;
}

/**
 * Every visible identifier of a subtree, each with how it appears (its label, its region, whether it is quoted):
 * mailto:/tel: links, then emails, phones and order numbers in plain text. Page headers, navigation and
 * signatures are left out; who the customer is among the rest is decided from this evidence (lookup/evidence.ts).
 */
export function detectSightings(root: ParentNode, options: GenericOptions = {}): Sighting[] {
  const excluded = options.exclude ? `${GENERIC_EXCLUDE}, ${options.exclude}` : GENERIC_EXCLUDE;
  const keep = (element: Element | null) => !!element && !element.closest(excluded) && isShown(element);
  const ownDomain = (email: string) =>
    (options.companyDomains ?? []).some((domain) => email.toLowerCase().endsWith(`@${domain.toLowerCase()}`));
  const found: Found[] = [];
  const add = (kind: Found['kind'], value: string, place: Place) => {
    if (value && !(kind === 'email' && ownDomain(value))) found.push({ kind, value, place });
  };

  for (const link of root.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i], a[href^="callto:" i]')) {
    const target = linkTarget(link);
    if (target && keep(link)) add(target.kind, target.value, { node: link, offset: 0, link: true });
  }
  // Webmails and CRMs show a person by name and keep their address in its tooltip: "Giulia Romano", title="giulia@…".
  for (const element of root.querySelectorAll('[title*="@"]')) {
    const [email] = element.getAttribute('title')?.match(EMAIL) ?? [];
    if (email && keep(element)) add('email', email, { node: element, offset: 0 });
  }
  const orderPattern = options.orderPattern;
  const orderTest = orderPattern && new RegExp(orderPattern.source, orderPattern.flags.replace('g', ''));
  // One native read of all the text: most pages of a busy back-office hold no identifier at all.
  const allText = (root as Node).textContent ?? '';
  const quotes = new QuoteTracker();
  if (!MAYBE_IDENTIFIER.test(allText) && !orderTest?.test(allText)) return withEvidence(found, quotes);
  // No filter callback: calling into JS for each of thousands of text nodes costs more than the regexes.
  const ownerDocument = (root as Node).ownerDocument ?? document;
  const walker = ownerDocument.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.nodeValue ?? '';
    if (text.length < 4) continue;
    if (text.includes(':') || text.includes('--')) quotes.see(node);
    const maybe = MAYBE_IDENTIFIER.test(text);
    if (!maybe && !orderTest?.test(text)) continue;
    const here: [Found['kind'], string, number][] = [];
    if (maybe) {
      for (const match of text.matchAll(EMAIL)) here.push(['email', match[0], match.index]);
      for (const match of text.matchAll(OBFUSCATED_EMAIL)) here.push(['email', revealedEmail(match), match.index]);
      for (const phone of phonesInText(text)) here.push(['phone', phone.raw, phone.index]);
    }
    if (orderPattern) for (const match of text.matchAll(orderPattern)) here.push(['order', match[0], match.index]);
    // Exclusion and visibility cost a style lookup each: only for text that really holds an identifier.
    const parent = node.parentElement;
    if (here.length === 0 || !parent || SKIPPED.has(parent.tagName) || !keep(parent)) continue;
    for (const [kind, value, offset] of here) add(kind, value, { node, offset });
  }
  return withEvidence(found, quotes);
}

/** Evidence for the first identifiers of each kind, the same one at the same place once. */
function withEvidence(found: readonly Found[], quotes: QuoteTracker): Sighting[] {
  const perKind = new Map<string, number>();
  const seen = new Set<string>();
  const sightings: Sighting[] = [];
  for (const { kind, value, place } of found) {
    const count = perKind.get(kind) ?? 0;
    if (count >= IDENTIFIER_LIMIT || sightings.length >= MAX_SIGHTINGS) continue;
    const evidence = evidenceAt(place, quotes);
    const key = `${kind}\u0000${value}\u0000${evidence.region}\u0000${evidence.cues.join()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    perKind.set(kind, count + 1);
    sightings.push({ kind, value, ...evidence });
  }
  return sightings;
}

import type { Cue } from '../protocol/messages';
import { isElement, isShown, MAYBE_IDENTIFIER } from './patterns';
import type { QuoteTracker } from './quotes';
import {
  AGENT_REGION,
  AGENT_WORDS,
  APP_SHELL,
  CC_WORDS,
  CUSTOMER_REGION,
  CUSTOMER_WORDS,
  FIELD_WORDS,
  INTERNAL,
  plain,
  regionWords,
  SELF_REGION,
  SENDER_REGION,
  SENDER_WORDS,
  TO_WORDS,
} from './words';

const BLOCK = 'p, div, li, td, th, dd, dt, pre, section, article, aside, header, footer, h1, h2, h3, h4, h5, h6, form';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend, caption, dt, th, label';
/** A box's own title drawn with a <div>: "<div class="item__header">Requester</div>" before the box's content. */
const BOX_TITLE = `${HEADING}, [class*="header" i], [class*="title" i], [class*="label" i]`;
const BOX_TITLE_TEXT = 40;
/** A section's title, as the first child of a sibling block (a field row's own <label> is not one). */
const TITLE = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend, caption';
const LANDMARK =
  'aside, main, article, form, dialog, [role="complementary"], [role="main"], [role="dialog"], [role="region"]';
const NEAR = 150;
/** More text than this is an application's shell, not one card or message. */
const SHELL_TEXT = 4_000;

/** Where an identifier was read: a text node and the offset of the match, or a mailto:/tel: link. */
export interface Place {
  node: Node;
  offset: number;
  link?: boolean;
}

export interface Evidence {
  cues: Cue[];
  near: string;
  region: string;
}

/** What an agent reading the page would say of this identifier: its label, its region, whether it is quoted. */
export function evidenceAt(place: Place, quotes: QuoteTracker): Evidence {
  const element = isElement(place.node) ? place.node : place.node.parentElement;
  const cues = new Set<Cue>();
  if (!element) return { cues: [], near: '', region: '' };
  if (place.link) cues.add('link');
  if (quotes.isQuoted(place.node, place.offset)) cues.add('quoted');
  const label = labelOf(place, element);
  const labelCue = label ? classifyLabel(label) : undefined;
  if (labelCue) cues.add(labelCue);
  const regionCue = regionOf(element);
  for (const cue of regionCue) cues.add(cue);
  const fielded = labelCue !== undefined || (label !== undefined && FIELD_WORDS.test(label));
  if (inListRow(element) || (!fielded && inRepeatedItems(element))) cues.add('listed');
  // Only a label word goes into the region (kept, and perhaps shared with the team): never a name written before.
  const region = describeRegion(element, labelCue ? label : undefined);
  return { cues: [...cues], near: nearText(place, element), region };
}

function classifyLabel(label: string): Cue | undefined {
  if (SENDER_WORDS.test(label)) return 'sender';
  if (CC_WORDS.test(label)) return 'cc';
  if (TO_WORDS.test(label)) return 'to';
  if (AGENT_WORDS.test(label)) return 'agent';
  if (CUSTOMER_WORDS.test(label)) return 'label';
  return undefined;
}

/**
 * The label an identifier is written under: "From: X <x@…>" on its own line, else the term of a definition list,
 * the header of a table row, or a short element just before its field.
 */
function labelOf(place: Place, element: Element): string | undefined {
  // Within the identifier's own element first: products put "cc:" and the address in one span.
  const own = place.link ? element.parentElement : element;
  if (own && !place.link) {
    const local = inlineLabel(textBefore(own, place, element));
    if (local) return local;
  }
  const block = own?.closest(BLOCK);
  // "Agathe Marchand <agathe@…>" under a "From" term: a display name, not a sentence.
  let named = false;
  if (block) {
    const line = textBefore(block, place, element).split('\n').pop() ?? '';
    const inline = inlineLabel(line);
    if (inline) return inline;
    const tag = fieldTag(own ?? element, line);
    if (tag) return tag;
    named = DISPLAY_NAME.test(line);
    if (!named && /[\p{L}\d]/u.test(line)) return undefined; // written in a sentence: no label
  }
  let field: Element | null = block ?? element;
  for (let depth = 0; field && depth < 3; depth++, field = field.parentElement) {
    const term = field.tagName === 'DD' ? previousOf(field, 'DT') : field.tagName === 'TD' ? rowHeader(field) : null;
    if (named && !term) continue;
    const before = term ?? field.previousElementSibling;
    const text = before?.textContent?.trim() ?? '';
    if (text && text.length <= 40) return plain(text.replace(/[:：]\s*$/, ''));
    if (text) break;
  }
  return undefined;
}

/** A name written before an address in angle brackets or parentheses, as mail headers do. */
const DISPLAY_NAME = /^\s*[\p{L}][\p{L} .'’-]{0,60}[<(（]\s*$/u;
/** Elements that name a field: "<label>E-mail</label><span>…</span>", without a colon. */
const FIELD_TAG = 'label, dt, th, [class*="label" i], [class*="key" i]';

/**
 * The text before an identifier, when all of it is its field's own label: an element just before it, or the first
 * child of its block ("<div><span>E-mail</span>x@…</div>") naming a contact field.
 */
function fieldTag(element: Element, line: string): string | undefined {
  const text = line.trim();
  if (!text || text.length > 40) return undefined;
  const label = plain(text.replace(/[:：]\s*$/, ''));
  for (let up: Element | null = element, depth = 0; up && depth < 2; up = up.parentElement, depth++) {
    const before = up.previousElementSibling;
    if (before?.matches(FIELD_TAG) && before.textContent?.trim() === text) return label;
  }
  const first = element.firstElementChild;
  if (first && first.textContent?.trim() === text && FIELD_WORDS.test(label)) return label;
  return undefined;
}

/** A row of a table or grid listing tickets or messages (an inbox), not one conversation's field. */
function inListRow(element: Element): boolean {
  const row = element.closest('tr, [role="row"], [role="option"]');
  const list = row?.parentElement;
  if (!row || !list) return false;
  const cells =
    row.tagName === 'TR' ? row.children.length : row.querySelectorAll('[role="gridcell"], [role="cell"]').length;
  const rows = [...list.children].filter((sibling) => sibling.tagName === row.tagName).length;
  return rows >= 3 && (row.getAttribute('role') === 'option' || cells >= 3);
}

/** Longest text of one row of a list of contacts or calls: a message is longer. */
const ROW_TEXT = 200;
const MAX_ROWS = 20;

/**
 * A row among like rows (same tag and class), short, each holding an identifier: a list of contacts or calls drawn
 * with <div>s rather than a table. Whether it lists several people is the background's to say (lookup/service.ts).
 */
function inRepeatedItems(element: Element): boolean {
  let item: Element | null = element;
  for (let depth = 0; item && depth < 3; depth++, item = item.parentElement) {
    const parent = item.parentElement;
    const name = item.classList[0];
    if (!parent || !name) continue;
    const tag = item.tagName;
    const rows: Element[] = [];
    // A few like rows tell a list: a table of thousands is not read whole for each identifier in it.
    for (let row = parent.firstElementChild; row && rows.length < MAX_ROWS; row = row.nextElementSibling) {
      // Hidden rows are not on screen (the other tabs of a workspace): the agent sees no list there.
      if (row.tagName === tag && row.classList[0] === name && isShown(row)) rows.push(row);
    }
    if (rows.length < 2 || rows.some((row) => (row.textContent?.length ?? 0) > ROW_TEXT)) continue;
    // Boxes that each open with their own title ("Requester", "Brand", "Assignee") are one record's fields.
    if (rows.every(titledBox)) continue;
    if (rows.filter((row) => MAYBE_IDENTIFIER.test(row.textContent ?? '')).length >= 2) return true;
  }
  return false;
}

/** A row that opens with its own short title ("Requester", "Brand"): a field box of one record. */
const titledBox = ({ firstElementChild: first }: Element) =>
  !!first?.matches(BOX_TITLE) && (first.textContent?.trim().length ?? 0) <= BOX_TITLE_TEXT;

/** The text of `container` before the identifier. */
function textBefore(container: Element, place: Place, element: Element): string {
  const range = element.ownerDocument.createRange();
  range.setStart(container, 0);
  if (place.link) range.setEndBefore(element);
  else range.setEnd(place.node, place.offset);
  return range.toString();
}

/** "From: X <", "Demandeur : ", or a recipient written without a colon: "Gabriel Rossi <g@…> to ". */
function inlineLabel(text: string): string | undefined {
  const joined = /(?:^|\s)(to|a|à|an|cc|bcc|cci)\s*$/iu.exec(text);
  if (joined?.[1]) return plain(joined[1]);
  // "From Camille Dubois on 10 Nov": a sender label without a colon, alone on its line (never "a mail from x@…").
  const alone = /^\s*([\p{L}]{2,12})\s*$/u.exec(text);
  if (alone?.[1] && SENDER_WORDS.test(plain(alone[1]))) return plain(alone[1]);
  const inline = /([\p{L}][\p{L} .'’-]{0,30}?)\s*[:：]\s*[^:：@]{0,60}$/u.exec(text.slice(-100));
  return inline?.[1] ? plain(inline[1]) : undefined;
}

function previousOf(element: Element, tag: string): Element | null {
  let before = element.previousElementSibling;
  while (before && before.tagName !== tag) before = before.previousElementSibling;
  return before;
}

function rowHeader(cell: Element): Element | null {
  return cell.parentElement?.querySelector('th') ?? cell.previousElementSibling;
}

/** Cues from the regions around an identifier: a customer card, a message's sender, the agent's own messages. */
function regionOf(element: Element): Cue[] {
  const cues: Cue[] = [];
  let side: Cue | undefined;
  let sender = false;
  let headed = false;
  for (let up: Element | null = element, depth = 0; up && depth < 12 && !side; up = up.parentElement, depth++) {
    const words = regionWords(up);
    if (words && !sender && depth < 5 && SENDER_REGION.test(words)) sender = true;
    // An app shell named after its users ("agent-workspace", "customer-portal") says nothing of one identifier.
    const region = words && (CUSTOMER_REGION.test(words) || AGENT_REGION.test(words)) && !isShell(up, words);
    if (region && SELF_REGION.test(words)) side = 'agent';
    else if (region && CUSTOMER_REGION.test(words)) side = 'card';
    else if (region) side = 'agent';
    else if (!headed && depth > 0 && depth < 6) {
      const heading = nearestHeading(up, element);
      // The nearest heading decides, even when it names neither side ("Conversation").
      headed = heading !== undefined;
      if (heading) side = headingCue(heading);
    }
  }
  if (internal(element)) side = 'agent';
  if (side) cues.push(side);
  if (sender) cues.push('sender');
  return cues;
}

/** A region as large as a whole application rather than a card, a message or a menu. */
function isShell(element: Element, words: string): boolean {
  if (element.tagName === 'BODY' || element.tagName === 'HTML' || APP_SHELL.test(words)) return true;
  return (element.textContent?.length ?? 0) > SHELL_TEXT;
}

/** Inside an internal call or note: a colleague, not a customer. */
function internal(element: Element): boolean {
  for (let up: Element | null = element, depth = 0; up && depth < 12; up = up.parentElement, depth++) {
    if (INTERNAL.test(regionWords(up))) return true;
  }
  return false;
}

/** The heading of the card an identifier sits in: "Requester", "Client", "Assignee"… */
function nearestHeading(container: Element, element: Element): string | undefined {
  const branch = [...container.children].find((child) => child.contains(element));
  for (let before = branch?.previousElementSibling; before; before = before.previousElementSibling) {
    const heading = before.matches(BOX_TITLE)
      ? before
      : before.firstElementChild?.matches(TITLE)
        ? before.firstElementChild
        : null;
    // "<label>E-mail</label>" names its field, not the card the field is in.
    const fieldLabel = heading && !heading.matches(TITLE) && FIELD_WORDS.test(plain(heading.textContent ?? ''));
    if (heading && !fieldLabel) return heading.textContent ?? undefined;
  }
  return undefined;
}

function headingCue(text: string): Cue | undefined {
  if (text.length > 60) return undefined;
  const words = plain(text);
  if (CUSTOMER_WORDS.test(words)) return 'card';
  if (AGENT_WORDS.test(words)) return 'agent';
  return undefined;
}

/** The text around an identifier, where its owner's name is usually written. */
function nearText(place: Place, element: Element): string {
  let container: Element = element;
  for (let depth = 0; depth < 4 && (container.textContent?.length ?? 0) < 40 && container.parentElement; depth++) {
    container = container.parentElement;
  }
  const text = container.textContent ?? '';
  const anchor = place.link ? (element.textContent ?? '') : (place.node.nodeValue ?? '');
  const at = Math.max(0, text.indexOf(anchor.trim().slice(0, 40)));
  return text
    .slice(Math.max(0, at - NEAR), at + NEAR)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

/**
 * "complementary|requester|div.sidebar>dl>dd": stable across tickets of one product, without generated names, and
 * without page text other than a label word (a landmark's aria-label may name the customer).
 */
function describeRegion(element: Element, label: string | undefined): string {
  const landmark = element.closest(LANDMARK);
  const landmarkName = landmark ? (landmark.getAttribute('role') ?? landmark.tagName.toLowerCase()).slice(0, 30) : '';
  const steps: string[] = [];
  for (let up: Element | null = element, depth = 0; up && depth < 4; up = up.parentElement, depth++) {
    const stable = [...up.classList].find((name) => /^[a-z][a-z-_]{2,30}$/i.test(name));
    steps.unshift(up.tagName.toLowerCase() + (stable ? `.${stable}` : ''));
  }
  return `${landmarkName}|${(label ?? '').slice(0, 30)}|${steps.join('>')}`.slice(0, 200);
}

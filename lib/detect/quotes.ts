import { isElement } from './patterns';
import {
  ATTRIBUTION,
  ATTRIBUTION_END,
  QUOTED_HEADER_FROM,
  QUOTED_HEADER_SENT,
  QUOTED_REGION,
  regionWords,
} from './words';

/** Elements that hold quoted history by their product's own markup. */
const QUOTE_ELEMENTS =
  'blockquote, q, .gmail_quote, .gmail_quote_container, [id^="divRplyFwdMsg"], [id^="OLK_SRC_BODY"], .yahoo_quoted, .moz-cite-prefix, [type="cite"]';
/** A message of a thread: where an attribution line's quoted history ends. */
const MESSAGE = 'article, li, [role="article"], [role="listitem"], td, dd, pre';
const BLOCK = new Set(['P', 'DIV', 'PRE', 'LI', 'TD', 'DD', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'BODY']);

interface Marker {
  /** Everything after `node` (from `offset` in it) inside `scope` is quoted. */
  scope: Element;
  node: Node;
  offset: number;
}

/**
 * Tells quoted history from the current message: "Le … a écrit :", "-----Original Message-----", an Outlook
 * "De : … Envoyé : …" header, a Gmail quote, a <blockquote>, a "> " line. Fed text nodes in document order while a
 * page is read; asked only about the few places that hold an identifier.
 */
export class QuoteTracker {
  private readonly markers: Marker[] = [];
  /** A "De : X" line waiting for its "Envoyé :" within the next lines. */
  private headerStart: { node: Text; lines: number } | undefined;

  /** Called for every text node of the page, in document order. */
  see(node: Text): void {
    const text = node.nodeValue ?? '';
    if (this.headerStart) {
      if (QUOTED_HEADER_SENT.test(text)) {
        this.mark(this.headerStart.node, 0);
        this.headerStart = undefined;
      } else if (text.trim() && ++this.headerStart.lines > 3) this.headerStart = undefined;
    }
    if (text.length < 8) return;
    const attribution = ATTRIBUTION.exec(text);
    if (attribution) this.mark(node, attribution.index);
    else if (ATTRIBUTION_END.test(text)) {
      // "Le 3 nov., Marc <<a>marc@…</a>> a écrit :": the line runs over a link; read it whole, from its start.
      const start = lineBefore(node, 0);
      if (start && ATTRIBUTION.test(start.line + text) && start.node.nodeType === Node.TEXT_NODE)
        this.mark(start.node as Text, start.offset);
    } else if (QUOTED_HEADER_FROM.test(text)) this.headerStart = { node, lines: 0 };
    // An Outlook header written in one text node ("De : X\nEnvoyé : …").
    const sent = /\n\s*(?:Envoy[ée]|Sent|Gesendet)\s*:/.exec(text);
    if (sent) {
      const from = text.lastIndexOf('\n', sent.index - 1);
      const start = text.slice(0, sent.index).search(/(?:^|\n)\s*(?:De|From|Von)\s*:[^\n]*$/);
      if (start >= 0 && start >= from - 200) this.mark(node, start);
    }
  }

  /** Whether the identifier at `offset` of `node` (a text node, or a link element) is in quoted history. */
  isQuoted(node: Node, offset = 0): boolean {
    const element = isElement(node) ? node : node.parentElement;
    if (!element) return false;
    if (element.closest(QUOTE_ELEMENTS)) return true;
    if (quotedLine(node, offset)) return true;
    for (let up: Element | null = element, depth = 0; up && depth < 6; up = up.parentElement, depth++) {
      if (QUOTED_REGION.test(regionWords(up))) return true;
    }
    return this.markers.some(
      (marker) =>
        marker.scope.contains(node) &&
        (marker.node === node
          ? offset >= marker.offset
          : !!(marker.node.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)),
    );
  }

  private mark(node: Text, offset: number): void {
    const parent = node.parentElement;
    if (!parent) return;
    const block = blockOf(parent);
    const message = block.parentElement?.closest(MESSAGE);
    // Without a message element, a paragraph's quoted history goes on in the paragraphs after it.
    const scope = message ?? (block.tagName === 'P' && block.parentElement ? block.parentElement : block);
    this.markers.push({ scope, node, offset });
  }
}

const LINE_LIMIT = 300;

/**
 * The line that runs up to `offset` of `node` (a text node, or a link element), from where it starts: walking back
 * over inline elements and text, up to a line break, a <br> or a block.
 */
function lineBefore(node: Node, offset: number): { node: Node; offset: number; line: string } | undefined {
  const parent = isElement(node) ? node : node.parentElement;
  if (!parent) return undefined;
  const own = node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '').slice(0, offset) : '';
  const cut = own.lastIndexOf('\n');
  if (cut >= 0) return { node, offset: cut + 1, line: own.slice(cut + 1) };
  const walker = node.ownerDocument?.createTreeWalker(blockOf(parent), NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  if (!walker) return undefined;
  walker.currentNode = node;
  let line = own;
  let start = { node, offset: 0 };
  for (let back = walker.previousNode(); back && line.length < LINE_LIMIT; back = walker.previousNode()) {
    if (isElement(back)) {
      if (back.tagName === 'BR' || BLOCK.has(back.tagName)) break;
      continue;
    }
    // A link's own text was read with the link.
    if (isElement(node) && node.contains(back)) continue;
    const text = back.nodeValue ?? '';
    const at = text.lastIndexOf('\n');
    line = text.slice(at + 1) + line;
    start = { node: back, offset: at + 1 };
    if (at >= 0) break;
  }
  return { ...start, line };
}

function blockOf(element: Element): Element {
  let block: Element = element;
  while (!BLOCK.has(block.tagName) && block.parentElement) block = block.parentElement;
  return block;
}

/** A plain-text mail's quoted line: "> Bonjour…". */
function quotedLine(node: Node, offset: number): boolean {
  const line = lineBefore(node, offset)?.line;
  return line !== undefined && /^\s*(?:>|&gt;)/.test(line);
}

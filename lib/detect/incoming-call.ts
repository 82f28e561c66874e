import { isPlausiblePhone, isShown, linkTarget, PHONE } from './patterns';

/** Words softphones and CRMs put next to a ringing caller's number, in the languages of the shops we serve. */
const WORDS =
  'incoming call|call from|is calling|ringing|appel entrant|appel de|appel reçu|vous appelle|eingehender anruf|' +
  'anruf von|llamada entrante|llamada de|chiamata in arrivo|chiamata da|inkomend gesprek|oproep van';
/** In one text node, as words (not inside "rappel de"). */
export const INCOMING_CALL = new RegExp(`(?<!\\p{L})(?:${WORDS})(?!\\p{L})`, 'iu');
/** Quick test of a whole subtree, whose textContent runs neighbouring texts together ("Incoming callCaller"). */
const ANYWHERE = new RegExp(WORDS, 'i');
/** How far up from the words to look for the number: the call card, not the whole page. */
const MAX_LEVELS = 4;

/**
 * The number of a ringing caller on a page no adapter knows: a tel: link or a phone number in the same small block
 * as words such as "Incoming call" or "Appel de". Undefined when the page shows no incoming call.
 */
export function findIncomingCaller(root: Element): string | undefined {
  const text = root.textContent ?? '';
  if (!ANYWHERE.test(text)) return undefined;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = node.nodeValue ?? '';
    if (!INCOMING_CALL.test(words) || isProse(words) || !node.parentElement || !isShown(node.parentElement)) continue;
    const blocks: Element[] = [];
    for (
      let block: Element | null = node.parentElement;
      block && blocks.length < MAX_LEVELS;
      block = block.parentElement
    )
      blocks.push(block);
    // A call card's dialable number is the caller's; a number written in its banner may be the line that was called
    // ("Incoming call · Customer care ES (+34 910 …)"), so a tel: link anywhere in the card comes first.
    const caller = firstOf(blocks, linkedPhone) ?? firstOf(blocks, writtenPhone);
    if (caller) return caller;
  }
  return undefined;
}

function firstOf(blocks: readonly Element[], find: (block: Element) => string | undefined): string | undefined {
  for (const block of blocks) {
    const found = find(block);
    if (found) return found;
  }
  return undefined;
}

/** Longest text a call banner or label holds: "Appel entrant de Marie Dupont – ligne Boutique Lyon". */
const BANNER_TEXT = 100;

/**
 * A message's sentence, not a softphone's banner: "Bonjour, je vous appelle ce matin. Service client – 01 …" is the
 * agent writing that they will call, not a call ringing.
 */
function isProse(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > BANNER_TEXT || /[.!?;]\s+\p{Lu}/u.test(trimmed);
}

function linkedPhone(block: Element): string | undefined {
  for (const link of block.querySelectorAll('a[href^="tel:" i]')) {
    const target = linkTarget(link);
    if (target?.kind === 'phone' && target.value) return target.value;
  }
  return undefined;
}

function writtenPhone(block: Element): string | undefined {
  for (const match of (block.textContent ?? '').matchAll(PHONE)) {
    const phone = match[0].trim();
    if (isPlausiblePhone(phone)) return phone;
  }
  return undefined;
}

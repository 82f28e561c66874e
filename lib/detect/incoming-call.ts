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
    let block: Element | null = node.parentElement;
    for (let level = 0; block && level < MAX_LEVELS; level++, block = block.parentElement) {
      const caller = phoneIn(block);
      if (caller) return caller;
    }
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

function phoneIn(block: Element): string | undefined {
  for (const link of block.querySelectorAll('a[href^="tel:" i]')) {
    const target = linkTarget(link);
    if (target?.kind === 'phone' && target.value) return target.value;
  }
  for (const match of (block.textContent ?? '').matchAll(PHONE)) {
    const phone = match[0].trim();
    if (isPlausiblePhone(phone)) return phone;
  }
  return undefined;
}

// The shapes of identifiers in free text, shared by generic detection and adapter field reading.
export const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}/gu;
// Phone-looking runs: an optional +CC or 00CC, an optional bracketed area code or trunk ("(415)", "(06)", "(0)"), then
// digits with at most one space, dot, dash or slash between them (so two numbers side by side stay two).
export const PHONE = /(?:(?:\+|00)\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d(?:[\s.\-/]?(?:\(0\))?[\s.\-/]?\d){5,13}/g;
/**
 * Whether a phone-looking run is worth a lookup: written internationally (+, 00) or nationally (trunk 0, "(0…"),
 * with 9 to 15 digits. Dates (26/11/2026), amounts and reference numbers that PHONE also matches are dropped here,
 * so they neither crowd out the customer's number nor trigger rescans. Caller recognition (libphonenumber) refines it.
 */
export function isPlausiblePhone(raw: string): boolean {
  const digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '').length;
  return /^[+0(]/.test(raw) && digits >= 9 && digits <= 15 && !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(raw);
}

/**
 * An address written so that robots miss it, as people do in messages: "claire.martin [at] orange [point] fr",
 * "claire (at) orange.fr". The local part, then the domain with its dots written either way.
 */
export const OBFUSCATED_EMAIL =
  /([\p{L}0-9._%+-]+)\s*[[(]\s*(?:at|arobase|chez)\s*[\])]\s*((?:[\p{L}0-9-]+(?:\s*[[(]\s*(?:dot|point|punto|punkt)\s*[\])]\s*|\.))+\p{L}{2,})/giu;
const WRITTEN_DOT = /\s*(?:[[(]\s*(?:dot|point|punto|punkt)\s*[\])]|\.)\s*/giu;

/** The address an OBFUSCATED_EMAIL match stands for: "claire.martin@orange.fr". */
export function revealedEmail(match: RegExpMatchArray): string {
  return `${match[1]}@${(match[2] ?? '').replace(WRITTEN_DOT, '.')}`;
}

/** Quick pre-check: a text that has neither "@" (written or spelt out) nor 8 digits cannot hold an email or a phone. */
export const MAYBE_IDENTIFIER = /@|[[(]\s*(?:at|arobase|chez)\s*[\])]|\d(?:\D{0,3}\d){7}/i;

/**
 * The agent's own and the company's identifiers on any page: page-level headers and footers, navigation and mail
 * signatures. `[data-reconnu-ignore]` lets an in-house CRM mark more.
 */
export const GENERIC_EXCLUDE = [
  '[role=banner]',
  '[role=navigation]',
  '[role=contentinfo]',
  'body > header',
  'body > footer',
  'nav',
  '.signature',
  '.gmail_signature',
  '[data-signature]',
  '[data-smartmail=gmail_signature]',
  '#Signature',
  '[data-reconnu-ignore]',
].join(', ');

/** The href of a mailto: or tel: link, decoded, without its query: "mailto:a@b.fr?subject=x" → "a@b.fr". */
export function linkTarget(link: Element): { kind: 'email' | 'phone'; value: string } | null {
  const href = link.getAttribute('href') ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(href);
  } catch {
    decoded = href;
  }
  if (/^mailto:/i.test(decoded)) return { kind: 'email', value: decoded.slice(7).split('?')[0]?.split(',')[0] ?? '' };
  if (/^(tel|callto|sip):/i.test(decoded))
    return { kind: 'phone', value: decoded.replace(/^\w+:/, '').split('?')[0] ?? '' };
  return null;
}

/** Whether the user can see an element: hidden tabs of single-page apps keep old tickets in the DOM. */
export function isShown(element: Element): boolean {
  return element.checkVisibility ? element.checkVisibility() : !element.closest('[hidden], [aria-hidden="true"]');
}

/**
 * Whether a node is an element, by its type rather than `instanceof`: a same-origin frame's nodes belong to that
 * frame's realm, whose `Element` is not this one.
 */
export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

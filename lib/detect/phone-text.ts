import { labelledAsReference } from './phone-labels';
import { phoneLength, secondGroupStart } from './phone-shape';

/** A phone number found in free text: as written (trimmed), and where it starts in the text. */
export interface PhoneInText {
  raw: string;
  index: number;
}

/** Cheap pre-check for a text node: no phone without 9 digits close together (see also MAYBE_IDENTIFIER). */
export const MAYBE_PHONE = /\d(?:\D{0,3}\d){8}/;

// One space (or no-break space), dot, dash or slash between digit groups: never a line break, so a phone does not
// run into the postcode on the next line of an address.
const SEP = '[ \\u00a0\\u202f.\\-/]';
const AMOUNT_DIGITS = "\\d{1,12}(?:[ \\u00a0\\u202f.,']\\d{3})*";
const CURRENCY = '(?:[€$£]|(?:EUR|CHF|USD|GBP)\\b)';

// Numbers that are not phones, matched so the pass steps over them whole rather than reading a phone in their digits.
const NOT_PHONES = [
  // IBAN: "FR76 3000 6000 0112 3456 7890 189", "DE89370400440532013000".
  '\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b',
  // Dates: "26/11/2026", "26.11.26", "2026-11-26"; not the start of "06.12.34.56.78".
  '\\b\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})(?![.\\-/]?\\d)',
  '\\b\\d{4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,2}(?![.\\-/]?\\d)',
  // Amounts: "€ 1 234", "1 234,56 €", "12.50 EUR", and decimal figures "1 234,56" (not the start of "06.12.34…").
  `${CURRENCY} ?${AMOUNT_DIGITS}(?:[.,]\\d{1,2})?`,
  `${AMOUNT_DIGITS}(?:[.,]\\d{1,2})? ?${CURRENCY}`,
  `${AMOUNT_DIGITS}[.,]\\d{2}(?![.,]?\\d)`,
  // A postcode before a city: "75011 Paris", "1000 Bruxelles".
  '\\b\\d{4,5}(?= \\p{Lu})',
];

// A phone-looking run: an optional country code ("+33", "0033", "(+33)"), an optional bracketed trunk or area code
// ("(0)", "(06)", "(415)"), then 6 to 15 digits with at most one separator (or "(0)") between them.
const PHONE_RUN =
  `(?:\\(\\+\\d{1,3}\\)${SEP}?|(?:\\+|\\b00)\\d{1,3}${SEP}?)?(?:\\(\\d{1,5}\\)${SEP}?)?` +
  `\\d(?:${SEP}?(?:\\(0\\))?${SEP}?\\d){5,14}`;

// One global pass: alternatives are tried left to right at each position, so a date or an amount that starts
// where a phone-looking run would is taken as what it is.
const CANDIDATES = new RegExp(`${NOT_PHONES.join('|')}|(${PHONE_RUN})`, 'gu');
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * Phone numbers in free text, with precision: numbers labelled as references (orders, invoices, tracking, tax ids,
 * product codes, customer numbers), IBANs, dates, amounts, postcodes and digit groupings no telephone plan uses are
 * left out, and so is a bare digit run with no +, 00 or trunk 0 (see phone-shape.ts). Light on purpose: it runs on
 * every text node of the page; which country a number belongs to is the background's question.
 */
export function phonesInText(text: string): PhoneInText[] {
  const found: PhoneInText[] = [];
  CANDIDATES.lastIndex = 0;
  for (let match = CANDIDATES.exec(text); match; match = CANDIDATES.exec(text)) {
    const run = match[1];
    if (run === undefined) continue;
    const start = match.index;
    if (gluedBefore(text, start) || labelledAsReference(text, start)) continue;
    const length = phoneLength(run);
    const end = start + length;
    if (length > 0 && !WORD_CHARACTER.test(text.charAt(end))) {
      found.push({ raw: run.slice(0, length).trim(), index: start });
      CANDIDATES.lastIndex = end;
    } else {
      // "Du 12 au 06 12 34 56 78": a run that is no phone may end with one.
      const next = secondGroupStart(run);
      if (next > 0) CANDIDATES.lastIndex = start + next;
    }
  }
  return found;
}

/** "A0612345678", "x+33…": a number glued to a word is part of a code, not a phone. */
function gluedBefore(text: string, index: number): boolean {
  return index > 0 && WORD_CHARACTER.test(text.charAt(index - 1));
}

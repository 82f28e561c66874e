import { type CountryCode, isSupportedCountry, parsePhoneNumberWithError } from 'libphonenumber-js/max';

let defaultRegion: CountryCode = 'FR';

/** The region of numbers written without a country code ("06 12 34 56 78"): France unless the options say otherwise. */
export function setDefaultRegion(region: string): void {
  defaultRegion = isSupportedCountry(region) ? region : 'FR';
}

export function getDefaultRegion(): CountryCode {
  return defaultRegion;
}

// "poste 12", "ext. 12", "extension 12", "x12", "#12", ";ext=12" at the end: the extension is not part of the number.
const EXTENSION = /(?:\s*[,;]?\s*(?:poste|postes|ext\.?|extension|durchwahl|interno|x|#|;?ext=)\s*\d{1,6})\s*$/i;
// "(Mobile)", "(domicile)", "– work": a label after the number, in any language.
const LABEL = /\s*(?:\([^\d()]*\)|[-–—:]\s*\p{L}[\p{L} ]*)\s*$/u;
const SPACES = /[\s\u00a0\u2007\u202f]+/g;

const memo = new Map<string, string | null>();
const MEMO_SIZE = 4_096;

/**
 * A phone number as people write it → E.164 ("+33612345678"), or null when it is not a possible, valid number of its
 * country (typos, partial numbers, junk). Never guesses: a number that could be another is refused, not "fixed".
 * Memoized: a sync validates then indexes the same numbers.
 */
export function normalizePhone(raw: string, region: CountryCode = defaultRegion): string | null {
  const memoKey = `${region}|${raw}`;
  const known = memo.get(memoKey);
  if (known !== undefined) return known;
  const result = normalizeUncached(raw, region);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(memoKey, result);
  return result;
}

function normalizeUncached(raw: string, region: CountryCode): string | null {
  // Most numbers are only digits and separators: one regex instead of the whole clean-up.
  const compact = raw.replace(/[\s\u00a0\u2007\u202f.\-/]/g, '');
  if (/^(\+|00)?[1-9]?\d{5,14}$/.test(compact)) return parse(compact.replace(/^00/, '+'), region);
  let text = raw
    .replace(SPACES, ' ')
    .trim()
    .replace(/^(tel|callto|sip):/i, '');
  text = text.replace(LABEL, '').replace(EXTENSION, '');
  // "+33 (0)6…", "0044 (0)20…": the national trunk prefix written inside an international number.
  if (/^\s*(\+|00)/.test(text)) text = text.replace(/\(\s*0\s*\)/g, '');
  text = text.replace(/^\s*\+?\s*00(?=[1-9])/, '+');
  if (/[^\d\s+().\-/]/.test(text)) return null; // letters or other junk left: not a phone number
  const plus = text.trimStart().startsWith('+');
  const digits = text.replace(/\D/g, '');
  return parse(plus ? `+${digits}` : digits, region);
}

function parse(number: string, region: CountryCode): string | null {
  const digits = number.startsWith('+') ? number.length - 1 : number.length;
  if (digits < 6 || digits > 15) return null;
  try {
    const parsed = parsePhoneNumberWithError(number, number.startsWith('+') ? undefined : region);
    return parsed.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}

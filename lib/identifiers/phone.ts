import { type CountryCode, isSupportedCountry, Metadata, parsePhoneNumberWithError } from 'libphonenumber-js/max';

let defaultRegion: CountryCode = 'FR';

/** The region of numbers written without a country code ("06 12 34 56 78"): France unless the options say otherwise. */
export function setDefaultRegion(region: string): void {
  defaultRegion = isSupportedCountry(region) ? region : 'FR';
}

export function getDefaultRegion(): CountryCode {
  return defaultRegion;
}

// "poste 12", "ext. 12", "extension 12", "x12", "#12", ";ext=12" at the end: the extension is not part of the number.
const EXTENSION =
  /(?:\s*[,;]?\s*(?:poste|postes|ext\.?|extension|durchwahl|interno|int\.|p\.|x|#|;?ext=)\s*(\d{1,6}))\s*$/i;
// "(Mobile)", "(domicile)", "– work": a label after the number, in any language.
const LABEL = /\s*(?:\([^\d()]*\)|[-–—:]\s*\p{L}[\p{L} ]*)\s*$/u;
// Bidirectional marks and zero-width characters that right-to-left UIs and copy-paste slip around numbers.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const SPACES = /[\s\u00a0\u2007\u202f]+/g;

const memo = new Map<string, string | null>();
const MEMO_SIZE = 20_000;

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
  // NFKC: full-width digits and plus signs ("０６ １２…", "＋３２…") become the ASCII ones people mean.
  raw = raw
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2010-\u2015]/g, '-');
  const compact = raw.replace(/[\s\u00a0\u2007\u202f.\-/]/g, '');
  if (/^(\+|00)?[1-9]?\d{5,14}$/.test(compact)) return parse(compact.replace(/^00/, '+'), region);
  let text = raw
    .replace(SPACES, ' ')
    .trim()
    .replace(/^(tel|callto|sip):/i, '')
    .replace(/@[\w.-]+$/, ''); // sip:+33…@voip.example.net
  text = text.replace(LABEL, '').replace(EXTENSION, '');
  // "+33 (0)6…", "0044 (0)20…": the national trunk prefix written inside an international number.
  if (/^\s*(\+|00)/.test(text)) text = text.replace(/\(\s*0\s*\)/g, '');
  text = text.replace(/^\s*\+?\s*00(?=[1-9])/, '+');
  if (/[^\d\s+().\-/]/.test(text)) return null; // letters or other junk left: not a phone number
  const plus = text.trimStart().startsWith('+');
  const digits = text.replace(/\D/g, '');
  return parse(plus ? `+${digits}` : digits, region);
}

const trunkPrefixes = new Map<CountryCode, string | undefined>();

/** "0" in France, Belgium, the UK…; none in Italy, Spain, Luxembourg. */
function trunkPrefix(region: CountryCode): string | undefined {
  if (!trunkPrefixes.has(region)) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(region);
    // nationalPrefix() is in the library's metadata API but missing from its type declarations.
    const plan = metadata.numberingPlan as unknown as { nationalPrefix(): string | undefined } | undefined;
    trunkPrefixes.set(region, plan?.nationalPrefix() || undefined);
  }
  return trunkPrefixes.get(region);
}

/**
 * With a country code, a number of a possible length for that country is accepted even when the library does not
 * know its range as allocated (its tables lag behind operators): it can only ever match the very same number.
 * Written nationally, it must be a valid number of the default region and carry its trunk prefix: "6 12 34 56 78"
 * (a lost 0) or a foreign number written the way its own country does is refused rather than guessed.
 */
function parse(number: string, region: CountryCode): string | null {
  const international = number.startsWith('+');
  const digits = international ? number.length - 1 : number.length;
  if (digits < 6 || digits > 15) return null;
  const trunk = trunkPrefix(region);
  if (!international && trunk === '0' && !number.startsWith('0')) {
    // "33612345678": a softphone showing E.164 without its "+". Only a fully valid international reading counts.
    return parseValid(`+${number}`);
  }
  try {
    const parsed = parsePhoneNumberWithError(number, international ? undefined : region);
    const accepted = international ? parsed.isPossible() : parsed.isValid();
    return accepted ? parsed.number : null;
  } catch {
    return null;
  }
}

function parseValid(number: string): string | null {
  try {
    const parsed = parsePhoneNumberWithError(number);
    return parsed.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}

/** The extension written after a number ("poste 245", "ext. 12", ";ext=12"), if any. */
export function phoneExtension(raw: string): string | undefined {
  const text = raw.normalize('NFKC').replace(INVISIBLE, '').replace(LABEL, '');
  return EXTENSION.exec(text)?.[1];
}

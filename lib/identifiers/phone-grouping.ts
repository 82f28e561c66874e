import { type CountryCode, Metadata, type PhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/max';

// The library's format metadata: in its runtime API, missing from its type declarations.
interface NumberFormat {
  pattern(): string;
  format(): string;
  internationalFormat(): string;
  leadingDigitsPatterns(): string[];
}

// The number as written, up to its last digit: "01 84 60 12 00 poste 245" → "01 84 60 12 00".
const WRITTEN_NUMBER = /[+(\d][\d\s\u00a0\u2007\u202f.\-/()]*\d/;
const DIGIT_GROUPS = /\d+/g;
// A grouping's first split may fall inside the plan's first group only when that group is this long: people shorten
// long operator prefixes and area codes (German mobiles are written "0151 12345678" where the plan says "01511").
const LONG_FIRST_GROUP = 4;

const formatsByCountry = new Map<CountryCode, NumberFormat[]>();
const compiled = new Map<string, RegExp>();

/**
 * Whether the way a number is split into digit groups is one its country uses: "06 12 34 56 78" and
 * "+33 6 12 34 56 78" are French, "0612 3456 78" is not (whoever wrote that was not writing a French phone).
 * The split that counts is the first one inside the national number, after the area code or mobile prefix: it must
 * fall where one of the country's formats (national or international) puts it; the subscriber digits after it are
 * grouped in too many ways to judge. A number without separators, one that does not parse, and one of a country
 * whose formats the metadata does not know are given the benefit of the doubt (true): this check only refuses.
 */
export function plausibleGrouping(raw: string, region: CountryCode): boolean {
  const written = WRITTEN_NUMBER.exec(raw.normalize('NFKC'))?.[0];
  if (!written) return true;
  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(written, region);
  } catch {
    return true;
  }
  const national = String(parsed.nationalNumber);
  const writtenSplit = firstSplit(written, national);
  if (writtenSplit === undefined || !parsed.country) return true;
  const planSplits = formatsFor(parsed.country, national).flatMap((format) =>
    [format.format(), format.internationalFormat()].flatMap((template) => {
      const split = template === 'NA' ? undefined : firstSplit(applyFormat(national, format, template), national);
      return split === undefined ? [] : [split];
    }),
  );
  if (planSplits.length === 0) return true;
  return planSplits.some((split) => writtenSplit === split || (writtenSplit < split && split >= LONG_FIRST_GROUP));
}

/**
 * Where the first separator inside the national number falls, in digits from its start, or undefined when it is
 * written in one piece. The digits before the national number (country code, trunk "0", "(0)") are not counted.
 */
function firstSplit(text: string, national: string): number | undefined {
  const groups = text.match(DIGIT_GROUPS) ?? [];
  const digits = groups.join('');
  if (!digits.endsWith(national)) return undefined;
  const prefix = digits.length - national.length;
  let end = 0;
  for (const group of groups) {
    end += group.length;
    const split = end - prefix;
    if (split > 0 && split < national.length) return split;
  }
  return undefined;
}

/** The country's formats that apply to this national number, the way the library picks one to format it. */
function formatsFor(country: CountryCode, national: string): NumberFormat[] {
  let formats = formatsByCountry.get(country);
  if (!formats) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as unknown as { formats(): NumberFormat[] } | undefined;
    formats = plan?.formats() ?? [];
    formatsByCountry.set(country, formats);
  }
  return formats.filter((format) => {
    const leading = format.leadingDigitsPatterns().at(-1);
    return (!leading || regex(`^(?:${leading})`).test(national)) && regex(`^(?:${format.pattern()})$`).test(national);
  });
}

function applyFormat(national: string, format: NumberFormat, template: string): string {
  return national.replace(regex(`^(?:${format.pattern()})$`), template);
}

function regex(source: string): RegExp {
  let known = compiled.get(source);
  if (!known) {
    known = new RegExp(source);
    compiled.set(source, known);
  }
  return known;
}

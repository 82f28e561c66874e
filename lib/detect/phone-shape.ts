// How phone numbers are split into digit groups, without knowing their country (no libphonenumber on this side).
//
// A number is: an optional country code ("+33", "0033", "(+33)"), an optional trunk written in brackets ("(0)",
// dropped), then its national groups. Written without a country code it must start with the trunk 0 ("06 …",
// "(06) …") or be a North American "(415) 555-0134"; a bare digit run is never a phone here, and neither is
// "(33) 6 12 34 56 78" (a country code is written with + or 00, a bracketed number without them may be anything).
//
// With separators, the first national group is the area code or mobile prefix (2 to 5 digits with the trunk 0, 1 to
// 5 after a country code) and the groups after it follow one of the two ways telephone plans group subscriber digits:
//   - pairs, optionally after one group of three: "06 12 34 56 78", "+33 6 12 34 56 78", "0470 12 34 56",
//     "079 123 45 67", "02 512 34 56". Written nationally as 0X + pairs, it is the French ten digits exactly.
//   - groups of three or more that never get shorter: "020 7946 0958", "030 1234567", "06 12345678",
//     "+1 415 555 0134", "0470 123 456", "061 234 5678" (Dutch and German landlines are written so; the background
//     check, which knows the country, refuses it for a French number).
// Anything else is no plan's grouping: "0612 3456 78" (4-4-2), "06 123 456 78", "0612 345 67 8". Digits: 9 to 12
// with the trunk, 9 to 15 with a country code.

interface Group {
  digits: string;
  end: number;
  bracketed: boolean;
}

const TOKENS = /\(\+?\d+\)|\+?\d+/g;
const PAIRS_TAIL = /^(?:3,)?(?:2,)*2$/;

function groupsOf(run: string): Group[] {
  const groups: Group[] = [];
  for (const token of run.matchAll(TOKENS)) {
    const text = token[0];
    groups.push({ digits: text.replace(/\D/g, ''), end: token.index + text.length, bracketed: text.startsWith('(') });
  }
  return groups;
}

interface Reading {
  international: boolean;
  /** The country code written on its own ("+33 6…"), so the national groups are known; false when glued ("+336…"). */
  separateCode: boolean;
  codeDigits: number;
  national: Group[];
}

function read(run: string, groups: Group[]): Reading {
  const [first] = groups;
  const plus = run.startsWith('+') || run.startsWith('(+');
  const doubleZero = !plus && first !== undefined && first.digits.startsWith('00') && !first.bracketed;
  const international = plus || doubleZero;
  const code = first?.digits.slice(doubleZero ? 2 : 0) ?? '';
  const separateCode = international && groups.length > 1 && code.length <= 3;
  const rest = separateCode ? groups.slice(1) : groups;
  const [trunk, head, ...tail] = rest;
  // "(0)6 12 34 56 78": the trunk in brackets opens the national number it belongs to.
  if (!international && trunk?.bracketed && trunk.digits === '0' && head) {
    return { international, separateCode, codeDigits: 0, national: [{ ...head, digits: `0${head.digits}` }, ...tail] };
  }
  // "(0)" is the trunk written inside an international number ("+33 (0)6…", "+49 (0) 30…"): not dialled.
  const national = rest.filter((group) => !(group.bracketed && group.digits === '0'));
  return { international, separateCode, codeDigits: separateCode ? code.length : 0, national };
}

function validGrouping(reading: Reading): boolean {
  const { international, separateCode, national } = reading;
  const [head, ...tail] = national;
  if (!head) return false;
  const digits = reading.codeDigits + national.reduce((sum, group) => sum + group.digits.length, 0);
  if (international ? digits < 9 || digits > 15 : digits < 9 || digits > 12) return false;
  if (!international) {
    const trunk = head.digits.startsWith('0');
    const northAmerican =
      head.bracketed && head.digits.length === 3 && tail.map((g) => g.digits.length).join() === '3,4';
    if (!trunk && !northAmerican) return false;
  }
  if (tail.length === 0) return true;
  if (!international || separateCode) {
    const min = international ? 1 : 2;
    if (head.digits.length < min || head.digits.length > 5) return false;
  }
  const lengths = tail.map((group) => group.digits.length);
  if (PAIRS_TAIL.test(lengths.join())) {
    return international || head.digits.length !== 2 || lengths[0] === 3 || digits === 10;
  }
  return lengths.every((length, i) => length >= 3 && (i === 0 || length >= (lengths[i - 1] ?? 0)));
}

/**
 * How many characters at the start of a phone-looking run make a phone number grouped the way telephone plans
 * group them, or 0. A run that goes on past a number ("06 12 34 56 78 75011 Paris") is cut before a following group
 * of three digits or more; a group of one or two is part of the number, so "06 12 34 56 78 12" is no phone.
 */
export function phoneLength(run: string): number {
  const groups = groupsOf(run);
  for (let count = groups.length; count > 0; count--) {
    const next = groups[count];
    if (next && next.digits.length < 3) continue;
    const kept = groups.slice(0, count);
    if (validGrouping(read(run, kept))) return kept.at(-1)?.end ?? 0;
  }
  return 0;
}

/** Where the second group of a run starts: a run that is no phone may hold one after its first group. */
export function secondGroupStart(run: string): number {
  const first = run.match(/^[(+]*\d+\)?[ \u00a0\u202f.\-/]*/);
  return first && first[0].length < run.length ? first[0].length : 0;
}

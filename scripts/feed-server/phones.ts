// Phone numbers as people type them into forms: one number, many spellings.
import { type Random, uniqueDigits } from './random';

export type PhoneCountry = '33' | '32' | '41';

export interface PhoneNumber {
  country: PhoneCountry;
  /** National significant number, without the trunk 0: "612345678". */
  national: string;
}

/** Primary number of a customer, unique per index: French mobile mostly, some landlines, Belgian and Swiss. */
export function primaryPhone(seed: string, index: number, country: 'FR' | 'BE' | 'CH', random: Random): PhoneNumber {
  if (country === 'BE' && random.chance(0.75)) {
    return { country: '32', national: `4${random.pick(['7', '8', '9'])}${uniqueDigits(`${seed}/be`, index, 7)}` };
  }
  if (country === 'CH' && random.chance(0.75)) {
    return { country: '41', national: `7${random.pick(['6', '7', '8', '9'])}${uniqueDigits(`${seed}/ch`, index, 7)}` };
  }
  return frenchPhone(
    seed,
    index,
    random.chance(0.88) ? random.pick(['6', '6', '7']) : random.pick(['1', '2', '3', '4', '5']),
  );
}

/** A French number with the given leading digit; unique per index for a given leading digit group. */
export function frenchPhone(seed: string, index: number, leadingDigit: string): PhoneNumber {
  // 07 mobiles exist only from 073 to 079 (ARCEP plan): a 070… number would not be a real one.
  if (leadingDigit === '7') {
    return { country: '33', national: `7${3 + (index % 7)}${uniqueDigits(`${seed}/fr-7`, index, 7)}` };
  }
  // 0639 and 069x are the overseas departments' mobiles (+262, +590…), not metropolitan +33 ones.
  if (leadingDigit === '6') {
    const second = ['0', '1', '2', '4', '5', '6', '7', '8'][index % 8] as string;
    return { country: '33', national: `6${second}${uniqueDigits(`${seed}/fr-6`, index, 7)}` };
  }
  // Landlines: 0262, 0590, 0594… are overseas departments and 040x is unallocated; keep to metropolitan ranges.
  const second = leadingDigit === '9' ? '' : (['1', '3', '4', '5', '7', '8'][index % 6] as string);
  const pool = leadingDigit === '9' ? 'box' : 'main';
  return {
    country: '33',
    national: `${leadingDigit}${second}${uniqueDigits(`${seed}/fr-${pool}`, index, 8 - second.length)}`,
  };
}

export function isMobile(phone: PhoneNumber): boolean {
  const first = phone.national[0];
  return phone.country === '33' ? first === '6' || first === '7' : phone.country === '32' ? first === '4' : true;
}

const pairs = (digits: string) => digits.match(/../g)?.join(' ') ?? digits;

const frenchFormats: readonly ((nsn: string) => string)[] = [
  (nsn) => pairs(`0${nsn}`),
  (nsn) => `+33 ${nsn[0]} ${pairs(nsn.slice(1))}`,
  (nsn) => pairs(`0${nsn}`).replaceAll(' ', '.'),
  (nsn) => `0${nsn}`,
  (nsn) => `+33 (0)${nsn[0]} ${pairs(nsn.slice(1))}`,
  (nsn) => pairs(`0${nsn}`).replaceAll(' ', '-'),
  (nsn) => `0033 ${nsn[0]} ${pairs(nsn.slice(1))}`,
  (nsn) => `+33${nsn}`,
];

// Foreign numbers always carry their country code: written nationally ("078 963 40 08") they would be
// indistinguishable from French numbers, and a French retailer's form would have stored them with the code.
const belgianFormats: readonly ((nsn: string) => string)[] = [
  (nsn) => `+32 ${nsn.slice(0, 3)} ${pairs(nsn.slice(3))}`,
  (nsn) => `+32 ${nsn.slice(0, 3)}/${pairs(nsn.slice(3)).replaceAll(' ', '.')}`,
  (nsn) => `0032 ${nsn.slice(0, 3)} ${pairs(nsn.slice(3))}`,
  (nsn) => `+32${nsn}`,
];

const swissFormats: readonly ((nsn: string) => string)[] = [
  (nsn) => `+41 ${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${pairs(nsn.slice(5))}`,
  (nsn) => `+41 (0)${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${pairs(nsn.slice(5))}`,
  (nsn) => `+41${nsn}`,
  (nsn) => `0041 ${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${pairs(nsn.slice(5))}`,
];

/** Writes the number in one of the human formats of its country; some mobiles get a "(Mobile)" label. */
export function formatPhone(phone: PhoneNumber, random: Random): string {
  const formats = phone.country === '33' ? frenchFormats : phone.country === '32' ? belgianFormats : swissFormats;
  const text = random.pick(formats)(phone.national);
  return isMobile(phone) && random.chance(0.06) ? `${text} (Mobile)` : text;
}

/** Canonical E.164 form, for tests and tooling: "+33612345678". */
export function e164(phone: PhoneNumber): string {
  return `+${phone.country}${phone.national}`;
}

import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { normalizePhone } from '../identifiers/phone';

const DOT = '•';

/** "claire.dupont@example.org" → "c•••@example.org": enough to confirm with the customer, not to contact them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return DOT.repeat(3);
  return `${Array.from(email)[0]}${DOT.repeat(3)}${email.slice(at)}`;
}

/**
 * "06 12 34 56 78" → "+33 6 •• •• •• 78": the country, the kind of line (mobile or landline) and the last two
 * digits, which is what a customer confirms at a counter. A number that does not parse keeps its last two digits.
 */
export function maskPhone(phone: string): string {
  const e164 = normalizePhone(phone);
  if (!e164) {
    const digits = phone.replace(/\D/g, '');
    return `${DOT.repeat(2)} ${digits.slice(-2)}`.trim();
  }
  const parsed = parsePhoneNumberWithError(e164);
  const code = parsed.countryCallingCode;
  const national = String(parsed.nationalNumber);
  const hidden = national.length - 3;
  const groups = hidden > 0 ? (DOT.repeat(hidden).match(/.{1,2}/gu) ?? []) : [];
  return [`+${code}`, national.slice(0, 1), ...groups, national.slice(-2)].join(' ');
}

import { isSupportedCountry } from 'libphonenumber-js/max';
import { normalizePhone } from '../identifiers/phone';

/**
 * Shops keep phones as typed at checkout, usually in the customer's national format: "0470 12 34 56" is Belgian for
 * a Brussels address, whatever the agent's default region. Where the feed record has no country to carry beside the
 * number (an order), a national number is made international with its address's country; one that is not valid
 * there is passed on as typed (the store reads it in the customer's country, else the default region).
 */
export function phoneIn(value: unknown, country: unknown): string | undefined {
  const phone = typeof value === 'string' ? value.trim() : '';
  if (phone === '') return undefined;
  if (/^\s*(?:\+|00)/.test(phone)) return phone;
  const region = typeof country === 'string' ? country.toUpperCase() : '';
  return (isSupportedCountry(region) && normalizePhone(phone, region)) || phone;
}

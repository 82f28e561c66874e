import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/max';
import type { Customer } from '../feed/schema';
import { getDefaultRegion } from '../identifiers/phone';

/** A phone as the customer record holds it, with the country its national form ("0470 12 34 56") is read in. */
export interface StoredPhone {
  raw: string;
  region: CountryCode;
}

function supportedCountry(code: string | undefined): CountryCode | undefined {
  const upper = code?.toUpperCase();
  return upper && isSupportedCountry(upper) ? upper : undefined;
}

/**
 * The one country a customer's addresses agree on, if any. An address without a (known) country neither confirms
 * nor contradicts the others; two countries mean the record does not say where its other numbers belong.
 */
export function customerCountry(customer: Customer): CountryCode | undefined {
  let agreed: CountryCode | undefined;
  for (const address of customer.addresses ?? []) {
    const country = supportedCountry(address.country);
    if (!country) continue;
    if (agreed && agreed !== country) return undefined;
    agreed = country;
  }
  return agreed;
}

/**
 * Every phone a customer can call from (their own, their addresses', the ones given with their orders), each with
 * the country it belongs to: an address's phone is read in that address's country; profile and order phones (the
 * feed gives orders no country) in the country all the addresses agree on. The agent's default region applies only
 * when the record says nothing. A number written with its country code is read the same whatever the region.
 */
export function storedPhones(customer: Customer): StoredPhone[] {
  const region = customerCountry(customer) ?? getDefaultRegion();
  const phones: StoredPhone[] = (customer.phones ?? []).map((raw) => ({ raw, region }));
  for (const address of customer.addresses ?? []) {
    if (address.phone) phones.push({ raw: address.phone, region: supportedCountry(address.country) ?? region });
  }
  for (const order of customer.orders ?? []) if (order.phone) phones.push({ raw: order.phone, region });
  return phones;
}

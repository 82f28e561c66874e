import type { Customer, Me } from '../feed/schema';
import type { SearchOptions } from '../lookup/search';
import { maskEmail, maskPhone } from './mask';

/** What the viewer may see of this profile, and what was held back (the panel says so). */
export interface Privacy {
  /** Contact details are masked: the viewer may reveal them with a reason (audited). */
  masked: boolean;
  /** The customer refused personalization: preferences and online behaviour were not sent. */
  personalizationHidden: boolean;
  /**
   * The viewer's role as the feed vouched for it (null: not vouched for). Not a permission, the masking above is:
   * the profile leads with what this role uses (store staff in the aisle: sizes, brands, what they wished for).
   */
  viewerRole: Me['role'] | null;
}

export interface ProfileView {
  customer: Customer;
  privacy: Privacy;
}

/** The contact details a reveal discloses. */
export type Contacts = Pick<Customer, 'emails' | 'phones' | 'addresses'>;

/**
 * Roles come from the feed's `/v1/me`, never from a local setting. Store staff (and anyone the feed has not
 * vouched for) see masked contacts; agents, supervisors and admins see them in full.
 */
export function seesFullContacts(me: Me | null): boolean {
  return me?.role === 'agent' || me?.role === 'supervisor' || me?.role === 'admin';
}

/**
 * A viewer who sees contacts masked searches by what a store counter needs only: searching an email's beginning or a
 * phone's last digits would rebuild a masked contact one guess at a time.
 */
export function searchOptionsFor(me: Me | null): SearchOptions {
  return { scope: seesFullContacts(me) ? 'full' : 'counter' };
}

/** A phone number outside a profile (a recent caller, a call notification), masked as the profile masks phones. */
export function phoneFor(phone: string, me: Me | null): string {
  return seesFullContacts(me) ? phone : maskPhone(phone);
}

export function maySeeTeamAudit(me: Me | null): boolean {
  return me?.role === 'supervisor' || me?.role === 'admin';
}

/**
 * The profile as this viewer may see it. Applied in the background, so what is withheld never reaches a page.
 */
export function profileFor(customer: Customer, me: Me | null): ProfileView {
  const masked = !seesFullContacts(me);
  const personalizationHidden = customer.consent?.personalization === false;
  let view: Customer = masked ? maskContacts(customer) : customer;
  if (personalizationHidden) {
    const { preferences, wishlist, recentlyViewed, cart, influence, ...rest } = view;
    view = rest;
  }
  return { customer: view, privacy: { masked, personalizationHidden, viewerRole: me?.role ?? null } };
}

export function contactsOf(customer: Customer): Contacts {
  return { emails: customer.emails, phones: customer.phones, addresses: customer.addresses };
}

function maskContacts(customer: Customer): Customer {
  return {
    ...customer,
    emails: customer.emails?.map(maskEmail),
    phones: customer.phones?.map(maskPhone),
    // No street address for store staff: the city still tells namesakes apart.
    addresses: customer.addresses?.map(({ line1, postalCode, phone, ...address }) => ({
      ...address,
      ...(phone && { phone: maskPhone(phone) }),
    })),
    orders: customer.orders?.map((order) => ({ ...order, ...(order.phone && { phone: maskPhone(order.phone) }) })),
  };
}

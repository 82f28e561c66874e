import publicProviders from 'email-providers/all.json';
import type { Me } from '../feed/schema';
import { lookupKey } from '../store';

/** Mail providers anyone can sign up with: the agent's address there says nothing of the company's domain. */
const PUBLIC = new Set<string>(publicProviders);

/** The signed-in user's and the organization's own identifiers, as lookup keys: never a customer's. */
export interface OwnIdentity {
  keys: Set<string>;
  domains: string[];
}

export interface OrganizationSettings {
  organizationDomains: readonly string[];
  organizationPhones: readonly string[];
}

/**
 * What is never looked up as a customer: the user's email and phones, the organization's domains and phones (from
 * the feed's `/v1/me` and the settings). Without any domain given, the user's own email domain is the
 * organization's, unless it is a public mail provider's.
 */
export function ownIdentity(me: Me | null, settings: OrganizationSettings): OwnIdentity {
  const keys = new Set<string>();
  const add = (kind: 'email' | 'phone', raw: string) => {
    const key = lookupKey(kind, raw);
    if (key) keys.add(key);
  };
  if (me?.email) add('email', me.email);
  for (const phone of [...(me?.phones ?? []), ...(me?.organization?.phones ?? []), ...settings.organizationPhones]) {
    add('phone', phone);
  }
  const given = [...(me?.organization?.domains ?? []), ...settings.organizationDomains].map(bareDomain).filter(Boolean);
  const own = me?.email ? bareDomain(me.email.split('@')[1] ?? '') : '';
  const domains = given.length > 0 ? given : own && !PUBLIC.has(own) ? [own] : [];
  return { keys, domains };
}

/** Whether an identifier (as a lookup key) is the user's or the organization's own. */
export function isOwn(own: OwnIdentity, key: string): boolean {
  if (own.keys.has(key)) return true;
  if (!key.startsWith('e:')) return false;
  const domain = key.slice(key.lastIndexOf('@') + 1);
  return own.domains.some((entry) => domain === entry || domain.endsWith(`.${entry}`));
}

function bareDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
}

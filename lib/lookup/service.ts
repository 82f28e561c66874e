import { visibleText } from '../display/visible';
import { type Customer, displayName } from '../feed/schema';
import { phoneExtension } from '../identifiers/phone';
import type { CandidateSummary, Identifiers, PanelState } from '../protocol/messages';
import type { ReconnuDb } from '../store/db';
import { type IdentifierKind, lookupKey, storedPhoneKey } from '../store/keys';
import { storedPhones } from '../store/phone-regions';
import { findByKey } from '../store/read';

/**
 * A picker longer than this helps nobody, and would let a page listing many identifiers show many customers per
 * lookup: the panel a tab may fill is bounded by its lookup rate times this.
 */
export const MAX_CANDIDATES = 10;

/**
 * Answers "who is this?" from the local cache. It never guesses: one customer is a match, several are a choice
 * for the user (the first MAX_CANDIDATES found), none is unknown.
 */
/** What the cache knows, before it is shaped for the viewer (see privacy/view.ts). */
export type Recognition =
  | Exclude<PanelState, { status: 'matched' }>
  | { status: 'matched'; customer: Customer; foundBy: string };

export async function recognize(db: ReconnuDb, identifiers: Identifiers): Promise<Recognition> {
  const probes: [IdentifierKind, string][] = [
    ...identifiers.emails.map((value): [IdentifierKind, string] => ['email', value]),
    ...identifiers.phones.map((value): [IdentifierKind, string] => ['phone', value]),
    ...identifiers.orders.map((value): [IdentifierKind, string] => ['order', value]),
  ];
  const found = new Map<string, { customer: Customer; foundBy: string }>();
  for (const [kind, value] of probes) {
    const key = lookupKey(kind, value);
    if (!key) continue;
    for (const customer of await findByKey(db, key)) {
      if (kind === 'phone' && !sameDesk(customer, key, value)) continue;
      if (!found.has(customer.id)) found.set(customer.id, { customer, foundBy: kind });
    }
  }
  if (found.size === 0) return { status: 'unknown' };
  const [first] = found.values();
  if (found.size === 1 && first) return { status: 'matched', customer: first.customer, foundBy: first.foundBy };
  const candidates = [...found.values()].slice(0, MAX_CANDIDATES);
  return { status: 'ambiguous', candidates: candidates.map(({ customer }) => summarize(customer)) };
}

/**
 * A call from "01 84 60 12 00 poste 312" is not from the customer known at "01 84 60 12 00 poste 245": same
 * switchboard, another desk. Numbers without an extension on either side still match.
 */
function sameDesk(customer: Customer, key: string, raw: string): boolean {
  const calling = phoneExtension(raw);
  if (!calling) return true;
  const stored = storedPhones(customer).filter((phone) => storedPhoneKey(phone) === key);
  return stored.some((phone) => {
    const extension = phoneExtension(phone.raw);
    return !extension || extension === calling;
  });
}

/** A candidate with what tells namesakes and household members apart: their city and their last order, as shown. */
export function summarize(customer: Customer): CandidateSummary {
  const lastOrder = [...(customer.orders ?? [])].sort((a, b) => b.placedAt.localeCompare(a.placedAt))[0];
  const city = customer.addresses?.find((address) => address.city)?.city;
  const order = lastOrder && `${lastOrder.number} · ${lastOrder.placedAt.slice(0, 10)}`;
  const hint = [city, order ?? customer.emails?.[0]].filter(Boolean).join(' · ');
  return { id: customer.id, name: visibleText(displayName(customer)), hint: visibleText(hint) };
}

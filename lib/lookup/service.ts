import type { Customer } from '../feed/schema';
import { getDefaultRegion, phoneExtension } from '../identifiers/phone';
import { plausibleGrouping } from '../identifiers/phone-grouping';
import type { CandidateReason, PanelState, Sighting } from '../protocol/messages';
import { findByKeys, lookupKey, type ReconnuDb, storedPhoneKey, storedPhones } from '../store';
import { type Candidate, decide, nameWritten, type PageEvidence, scoreCandidate, sightingScore } from './evidence';
import { isOwn, type OwnIdentity } from './own-identity';

/**
 * A picker longer than this helps nobody, and would let a page listing many identifiers show many customers per
 * lookup: the panel a tab may fill is bounded by its lookup rate times this.
 */
export const MAX_CANDIDATES = 10;

/**
 * What the cache knows, before it is shaped for the viewer (privacy/candidates.ts): whole customers, so the one
 * function that masks for the viewer's role builds the profile and the picker's hints alike.
 */
export type Recognition =
  | Exclude<PanelState, { status: 'matched' | 'ambiguous' }>
  | { status: 'matched'; customer: Customer; foundBy: string }
  | { status: 'ambiguous'; candidates: { customer: Customer; reason: CandidateReason }[] };

/** A sighting that found customers: what learning from the agent's pick or rejection goes back to. */
export interface Hit {
  key: string;
  region: string;
  customerIds: string[];
  strong: boolean;
}

export interface RecognizeOptions {
  /** The user's and the organization's own identifiers: never a customer's. */
  own?: OwnIdentity;
  /** Drops a sighting the site's memory says is chrome (weak sightings only) or was rejected there. */
  skip?: (key: string, strong: boolean) => boolean;
  /** Whether the agent picked a customer found at this region of the site before. */
  preferred?: (region: string) => boolean;
  /** Customers the agent said are not this page's. */
  excluded?: ReadonlySet<string>;
  /** The page's title and main heading: the person a record page is about is named there. */
  heading?: string;
}

/** Cues that place an identifier where a customer is shown: such a sighting is never the site's chrome. */
const STRONG = new Set(['field', 'label', 'card', 'sender', 'learned']);

/**
 * Answers "who is this page about?" from the local cache and the evidence of each identifier: the one customer who
 * clearly dominates, the plausible ones most likely first, or nobody. It never guesses between comparable ones.
 */
export async function recognize(
  db: ReconnuDb,
  sightings: readonly Sighting[],
  options: RecognizeOptions = {},
): Promise<{ recognition: Recognition; hits: Hit[] }> {
  const keyed = sightings.flatMap((sighting) => {
    const key = lookupKey(sighting.kind, sighting.value);
    const strong = sighting.cues.some((cue) => STRONG.has(cue));
    if (!key || (options.own && isOwn(options.own, key)) || options.skip?.(key, strong)) return [];
    // A number read in free text and grouped the way no phone of its country is ("0612 3456 78") is a reference.
    const typed = sighting.kind !== 'phone' || sighting.cues.includes('field') || sighting.cues.includes('link');
    if (!typed && !plausibleGrouping(sighting.value, getDefaultRegion())) return [];
    const learned = sighting.region && options.preferred?.(sighting.region);
    return [{ key, sighting: learned ? { ...sighting, cues: [...sighting.cues, 'learned' as const] } : sighting }];
  });
  const found = await findByKeys(db, [...new Set(keyed.map(({ key }) => key))]);
  // The user's own keys and the colleagues' work addresses the page shows: whoever holds one is not its customer.
  const staff = new Set([...(options.own?.keys ?? []), ...colleagueKeys(sightings, options.own)]);
  forgiveOnePersonLists(sightings, keyed, found, options.own);
  const page: PageEvidence = { strangerScore: 0, internal: internalConversation(sightings, options.own) };
  const byCustomer = new Map<string, { customer: Customer; sightings: Sighting[] }>();
  const strangers: { key: string; sighting: Sighting }[] = [];
  const hits: Hit[] = [];
  for (const { key, sighting } of keyed) {
    const owners = (found.get(key) ?? []).filter(
      (customer) =>
        !options.excluded?.has(customer.id) &&
        !holdsOwn(customer, staff) &&
        (key[0] !== 'p' || sameDesk(customer, key, sighting.value)),
    );
    if (owners.length === 0) {
      // Only someone the store does not know is a stranger: not the agent's own record, nor one they rejected.
      if (!found.get(key)?.length) strangers.push({ key, sighting });
      continue;
    }
    hits.push({
      key,
      region: sighting.region ?? '',
      customerIds: owners.map((customer) => customer.id),
      strong: sighting.cues.some((cue) => STRONG.has(cue)),
    });
    for (const customer of owners) {
      const entry = byCustomer.get(customer.id) ?? { customer, sightings: [] };
      entry.sightings.push(sighting);
      byCustomer.set(customer.id, entry);
    }
  }
  // An address the store does not know under the name of someone it found here is that customer's new one ("I write
  // from my new address"), not a stranger: a namesake the page does not otherwise show is never a candidate.
  const candidatesHere = [...byCustomer.values()];
  const named = new Set(
    strangers
      .filter(({ sighting }) => candidatesHere.some(({ customer }) => nameWritten(customer, sighting.near)))
      .map(({ key }) => key),
  );
  for (const { key, sighting } of strangers) {
    if (!named.has(key)) page.strangerScore = Math.max(page.strangerScore, sightingScore(sighting));
  }
  const candidates = [...byCustomer.values()].map(({ customer, sightings: seen }) =>
    scoreCandidate(customer, seen, options.heading),
  );
  return { recognition: recognitionOf(candidates, page), hits };
}

function recognitionOf(candidates: readonly Candidate[], page: PageEvidence): Recognition {
  const { chosen, plausible } = decide(candidates, page);
  if (chosen) return { status: 'matched', customer: chosen.customer, foundBy: chosen.foundBy };
  if (plausible.length === 0) return { status: 'unknown' };
  return {
    status: 'ambiguous',
    candidates: plausible.slice(0, MAX_CANDIDATES).map(({ customer, reason }) => ({ customer, reason })),
  };
}

/** Cues that place someone in a conversation: its sender, a recipient, a copy, a customer field or card. */
const IN_CONVERSATION = new Set(['sender', 'to', 'cc', 'card', 'label']);

/**
 * A conversation among the company's own people: one of them is a sender (or the customer an adapter reads), and
 * nobody from outside is a sender, a recipient, a copy, or in a customer card.
 */
function internalConversation(sightings: readonly Sighting[], own: OwnIdentity | undefined): boolean {
  if (!own) return false;
  let ownSender = false;
  for (const sighting of sightings) {
    if (sighting.cues.includes('quoted')) continue;
    const key = lookupKey(sighting.kind, sighting.value);
    // A reply form's "From: the company" is who will answer, not a message of the conversation.
    const composing = sighting.region?.split('|')[0] === 'form';
    if (key && isOwn(own, key))
      ownSender ||= !composing && (sighting.cues.includes('sender') || sighting.cues.includes('field'));
    else if (sighting.cues.some((cue) => IN_CONVERSATION.has(cue))) return false;
  }
  return ownSender;
}

/**
 * A list whose rows (two or more) are all one known person's (their orders, their calls) says nothing against them:
 * a list of several people, the store's or not, the company's own included, or a single row in a list of names
 * (an inbox), keeps its rows weak evidence.
 */
function forgiveOnePersonLists(
  sightings: readonly Sighting[],
  keyed: { key: string; sighting: Sighting }[],
  found: Map<string, Customer[]>,
  own: OwnIdentity | undefined,
): void {
  const lists = new Map<string, { people: Set<string>; rows: number; others: boolean }>();
  for (const sighting of sightings) {
    const key = sighting.cues.includes('listed') && lookupKey(sighting.kind, sighting.value);
    if (!key) continue;
    const list = lists.get(sighting.region ?? '') ?? { people: new Set<string>(), rows: 0, others: false };
    list.rows++;
    const owners = found.get(key) ?? [];
    if (owners.length === 0 || (own && isOwn(own, key))) list.others = true;
    for (const owner of owners) list.people.add(owner.id);
    lists.set(sighting.region ?? '', list);
  }
  for (const entry of keyed) {
    const list = lists.get(entry.sighting.region ?? '');
    const onePerson = list && !list.others && list.people.size === 1 && list.rows >= 2;
    if (!onePerson || !entry.sighting.cues.includes('listed')) continue;
    entry.sighting = { ...entry.sighting, cues: entry.sighting.cues.filter((cue) => cue !== 'listed') };
  }
}

/**
 * The addresses on the organization's domains that the page shows: its people, there as colleagues. One of them who
 * also shops there (their customer record holds that work address) is on this page as staff, not as a customer,
 * even where their personal phone sits beside it: an internal ticket, a call from a store, a colleague's note.
 */
function colleagueKeys(sightings: readonly Sighting[], own: OwnIdentity | undefined): Set<string> {
  const keys = new Set<string>();
  if (!own) return keys;
  for (const sighting of sightings) {
    const key = sighting.kind === 'email' ? lookupKey('email', sighting.value) : null;
    if (key && isOwn(own, key)) keys.add(key);
  }
  return keys;
}

/** The agent's own customer record (they shop there too) is never the customer of their pages; nor a colleague's. */
function holdsOwn(customer: Customer, ownKeys: ReadonlySet<string>): boolean {
  if (ownKeys.size === 0) return false;
  const keys = [
    ...(customer.emails ?? []).map((email) => lookupKey('email', email)),
    ...storedPhones(customer).map(storedPhoneKey),
  ];
  return keys.some((key) => key !== null && ownKeys.has(key));
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

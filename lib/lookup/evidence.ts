import { type Customer, displayName } from '../feed/schema';
import type { CandidateReason, Cue, Sighting } from '../protocol/messages';
import { plainName } from './names';

/** What each cue adds to a plain mention (1): a field an adapter names is the customer by construction. */
const STRENGTH: Partial<Record<Cue, number>> = { field: 6, learned: 4, label: 3, card: 3, sender: 2, link: 0.5 };
/** Evidence of someone other than the current customer: an older conversation, the agent's side, a copy, a list. */
const WEAK: Partial<Record<Cue, number>> = { agent: 0.2, quoted: 0.25, cc: 0.3, listed: 0.3 };
/** The customer's stored name written next to the identifier. */
const NAME_BONUS = 2;
/** A candidate needs at least a plain mention outside quotes, copies and the agent's side to be proposed. */
export const PLAUSIBLE = 1;
/** The leader opens by itself only with at least this many times the runner-up's score, and this much more. */
const DOMINANCE_RATIO = 2;
const DOMINANCE_GAP = 1.5;
/** Where the page itself shows its customer (a card, a requester label) against someone it only mentions. */
const PLACED_RATIO = 1.5;

export interface Candidate {
  customer: Customer;
  score: number;
  reason: CandidateReason;
  /** Found where a page shows its customer (a requester label or card), or where the agent picked one before. */
  placed: boolean;
  /** The kind of identifier of the strongest evidence: how the customer was found, for the audit. */
  foundBy: Sighting['kind'];
}

/** How strongly one sighting says its owner is the customer of the page (without a customer: its place alone). */
export function sightingScore(sighting: Sighting, customer?: Customer): number {
  const weak = sighting.cues.map((cue) => WEAK[cue]).filter((value) => value !== undefined);
  if (weak.length > 0) return Math.min(...weak);
  let score = sighting.cues.includes('to') ? 0.6 : 1;
  for (const cue of sighting.cues) score += STRENGTH[cue] ?? 0;
  if (customer && nameWritten(customer, sighting.near)) score += NAME_BONUS;
  return score;
}

/** The candidate's score: its strongest sighting, plus a little for each other place it appears. */
export function scoreCandidate(customer: Customer, sightings: readonly Sighting[], heading?: string): Candidate {
  const scored = sightings
    .map((sighting) => ({ sighting, score: sightingScore(sighting, customer) }))
    .sort((a, b) => b.score - a.score);
  const [best, ...rest] = scored;
  if (!best) throw new Error('A candidate has at least one sighting.');
  const corroboration = Math.min(
    1.5,
    0.3 * rest.reduce((sum, entry) => sum + (entry.score >= PLAUSIBLE ? entry.score : 0), 0),
  );
  // Named in the page's title or main heading: a record page's subject, not one of the people it mentions.
  const titled = best.score >= PLAUSIBLE && nameWritten(customer, heading) ? NAME_BONUS : 0;
  return {
    customer,
    score: best.score + corroboration + titled,
    reason: reasonOf(best.sighting),
    placed: best.sighting.cues.some((cue) => PLACED.has(cue)),
    foundBy: best.sighting.kind,
  };
}

const PLACED = new Set<Cue>(['label', 'card', 'learned']);

/** What the page says beyond its candidates: of people who are not in the store, and of the company's own. */
export interface PageEvidence {
  /** The strongest place held by an identifier nobody in the store has: the page may be about a new customer. */
  strangerScore: number;
  /** Every message sender on the page is the user or the organization: an internal conversation. */
  internal: boolean;
}

/**
 * Who the page is about: the one candidate that clearly dominates, or the plausible ones most likely first, or
 * nobody. Two candidates with comparable evidence are never chosen between: the agent is. Nobody is proposed
 * when a stranger holds a stronger place than every candidate (a new customer writing to a mailbox the store
 * knows), nor from a mere mention in an internal conversation.
 */
export function decide(
  candidates: readonly Candidate[],
  page: PageEvidence = { strangerScore: 0, internal: false },
): { chosen?: Candidate; plausible: Candidate[] } {
  const plausible = candidates
    .filter((entry) => entry.score >= PLAUSIBLE && (entry.placed || !page.internal))
    .sort((a, b) => b.score - a.score);
  const [top, second] = plausible;
  if (!top || page.strangerScore > top.score) return { plausible: [] };
  const ratio = top.placed && !second?.placed ? PLACED_RATIO : DOMINANCE_RATIO;
  const dominates = !second || (top.score >= ratio * second.score && top.score - second.score >= DOMINANCE_GAP);
  return dominates ? { chosen: top, plausible } : { plausible };
}

function reasonOf(sighting: Sighting): CandidateReason {
  const cues = new Set(sighting.cues);
  if (cues.has('quoted')) return 'quoted';
  if (cues.has('cc')) return 'copied';
  if (cues.has('field') || cues.has('label') || cues.has('card')) return 'requester';
  if (cues.has('learned')) return 'learned';
  if (cues.has('sender')) return 'sender';
  if (cues.has('link')) return 'linked';
  return 'mentioned';
}

/** Whether the text around an identifier names its owner: their family name and their given or preferred name. */
export function nameWritten(customer: Customer, near: string | undefined): boolean {
  if (!near || !customer.name) return false;
  const text = ` ${plainName(near)} `;
  const has = (part: string | undefined) => {
    const words = plainName(part ?? '');
    return words.length >= 2 && text.includes(` ${words} `);
  };
  const { given, family, preferred } = customer.name;
  return has(family) && (has(given) || has(preferred) || has(displayName(customer)));
}

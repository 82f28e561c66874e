import type { ViewRecorder } from '../audit/recorder';
import { currentMe } from '../feed/me';
import { searchCustomers } from '../lookup/search';
import { candidateFor } from '../privacy/candidates';
import { searchOptionsFor } from '../privacy/view';
import type { CandidateSummary } from '../protocol/messages';
import type { ReconnuDb } from '../store';
import { createRateLimiter } from './senders';

/**
 * Searches one user may make from one page per window: a search box fed as the user types, with room for corrections,
 * yet a script trying key after key gets a few dozen a minute, each of them audited.
 */
export const SEARCH_LIMIT = { searches: 40, windowMs: 60_000 };

/** The benchmark build (`wxt build --mode bench`, never shipped) times a thousand searches in a row on this path. */
const UNLIMITED = import.meta.env?.MODE === 'bench';

export const TOO_MANY_SEARCHES = 'Too many searches: wait a minute before searching again.';

interface SearchDeps {
  db: ReconnuDb;
  record: ViewRecorder;
  now?: () => number;
}

/**
 * The side panel's and the popup's search, on the trusted side: what a role may search by, the answer's hints masked
 * for the role, each search rate-limited per user and page, and audited with the kind of key searched, never the key.
 */
export function createSearchHandler({ db, record, now }: SearchDeps) {
  const allow = createRateLimiter(SEARCH_LIMIT.searches, SEARCH_LIMIT.windowMs, now);
  return async function search(query: string, where: string): Promise<CandidateSummary[]> {
    const me = await currentMe();
    if (!UNLIMITED && !allow(`${me?.id ?? 'unknown'}\u0001${where}`)) throw new Error(TOO_MANY_SEARCHES);
    const { kind, customers } = await searchCustomers(db, query, searchOptionsFor(me));
    // Answered first, audited right after, like a profile view (recorder.ts retries a failed append).
    record({ action: 'search', where, foundBy: kind }).catch((error: Error) =>
      console.error('Reconnu: a search could not be audited', error),
    );
    return customers.map((customer) => candidateFor(customer, me));
  };
}

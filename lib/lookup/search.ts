import type { Customer } from '../feed/schema';
import { customerNameTokens, editDistance, nameTokens, soundKey } from '../search/text';
import { entriesInRange, findByKeys, type IdentifierKind, idKey, lookupKey, type ReconnuDb } from '../store';
import { PHONE_SHAPED, queryShape, type SearchKind } from './search-kind';

const LIMIT = 20;
/** A range that matches more entries than this is too vague to rank (a two-letter prefix of a common name). */
const MAX_ENTRIES = 20_000;
const END = '\uffff';

/**
 * What a search may match. `full`: everything below. `counter`: only what a store counter needs (a name, a whole
 * email or phone number, a loyalty card, an order number); a beginning of an email or the last digits of a phone
 * would let someone who sees contacts masked rebuild them one guess at a time (see privacy/view.ts).
 */
export type SearchScope = 'full' | 'counter';

export interface SearchOptions {
  scope: SearchScope;
}

/** The customers found, best first, and the kind of key searched (for the audit). */
export interface SearchOutcome {
  kind: SearchKind;
  customers: Customer[];
}

/**
 * The side panel's one search box: a name (accents, case and small typos forgiven), an email or its beginning, a
 * phone in any format or its last 4+ digits, a loyalty card, an order number or a customer id. Best matches first.
 */
export async function searchCustomers(db: ReconnuDb, query: string, options: SearchOptions): Promise<SearchOutcome> {
  const text = query.trim();
  const shape = queryShape(text);
  if (text.length < 2 || !db.unlocked) return { kind: shape, customers: [] }; // a locked store finds nobody
  const full = options.scope === 'full';
  const found = new Map<string, { customer: Customer; score: number }>();
  const add = (customers: Customer[], score: number) => {
    for (const customer of customers) {
      const known = found.get(customer.id);
      if (!known || known.score < score) found.set(customer.id, { customer, score });
    }
  };

  // Card, order and id numbers all hold a digit; a query without one is a name or an email.
  const exactKinds: IdentifierKind[] = text.includes('@')
    ? ['email']
    : /\d/.test(text)
      ? ['phone', 'card', 'order', ...(full ? (['id'] as const) : [])]
      : [];
  const exact = exactKinds.flatMap((kind) => {
    const key = lookupKey(kind, text);
    return key ? [{ kind, key }] : [];
  });
  const digits = text.replace(/\D/g, '');
  // Independent reads of the index, run together.
  const [matchedKinds] = await Promise.all([
    exact.length ? byExactKeys(db, exact, add) : [],
    full && /^[\p{L}\d._%+-]+@?[\p{L}\d.-]*$/u.test(text) && /\p{L}/u.test(text) && text.length >= 3
      ? byEmailPrefix(db, text, add)
      : null,
    full && PHONE_SHAPED.test(text) && digits.length >= 4 ? byPhoneEnding(db, digits, add) : null,
    // Names hold no digits and no "@": a query with them is an identifier, not a name.
    /\p{L}/u.test(text) && !/[\d@]/.test(text) ? byName(db, text, add) : null,
  ]);
  const customers = [...found.values()]
    .sort((a, b) => b.score - a.score || a.customer.id.localeCompare(b.customer.id))
    .slice(0, LIMIT)
    .map(({ customer }) => customer);
  return { kind: matchedKinds[0] ?? shape, customers };
}

type Add = (customers: Customer[], score: number) => void;

/** Adds the exact matches; answers the kinds of key that matched, in the order asked. */
async function byExactKeys(
  db: ReconnuDb,
  exact: { kind: IdentifierKind; key: string }[],
  add: Add,
): Promise<IdentifierKind[]> {
  const found = await findByKeys(
    db,
    exact.map(({ key }) => key),
  );
  for (const customers of found.values()) add(customers, 100);
  return exact.filter(({ key }) => found.get(key)?.length).map(({ kind }) => kind);
}

async function byEmailPrefix(db: ReconnuDb, text: string, add: Add): Promise<void> {
  const prefix = `e:${text.toLowerCase()}`;
  const keys = [...new Set((await entriesInRange(db, prefix, prefix + END)).map(([key]) => key))].slice(0, LIMIT);
  for (const customers of (await findByKeys(db, keys)).values()) add(customers, 60);
}

async function byPhoneEnding(db: ReconnuDb, digits: string, add: Add): Promise<void> {
  const reversed = [...digits].reverse().join('');
  const ids = idsOf(await entriesInRange(db, `t:${reversed}`, `t:${reversed}${END}`));
  // Fewer digits match more people: a full number is worth more than its last four.
  await addByIds(db, [...ids].slice(0, LIMIT), add, 40 + Math.min(digits.length, 10) * 4);
}

/**
 * Names: candidates come from one query word's exact or prefix token (else its first three letters); each candidate
 * is then scored on every query word against its full name (carried in the key), so a typo in one word is forgiven
 * when the others match. Every word must match something.
 */
async function byName(db: ReconnuDb, text: string, add: Add): Promise<void> {
  const queryTokens = nameTokens(text);
  if (queryTokens.length === 0) return;
  // Every word must match, so candidates come from one word: the rarest one typed right (whole or as a prefix),
  // else, when every word may be mistyped, the rarest first three letters. Each full name is then scored on all words.
  const range = (low: string) => bounded(db, low, low + END);
  const spelled = await Promise.all(
    queryTokens.map((token) => range(token.length >= 3 ? `n:${token}` : `n:${token}#`)),
  );
  const nonEmpty = spelled.filter((entries) => entries.length > 0);
  const sources = nonEmpty.length
    ? nonEmpty
    : await Promise.all(
        queryTokens.filter((token) => token.length > 3).map((token) => range(`n:${token.slice(0, 3)}`)),
      );
  const source = sources.filter((entries) => entries.length > 0).sort((a, b) => a.length - b.length)[0] ?? [];
  const names = new Map<string, string>(); // id → folded full name
  for (const [key] of source) {
    const [full = '', id = ''] = splitOnce(key.slice(key.indexOf('#') + 1));
    names.set(id, full);
  }
  const ranked = [...names]
    .map(([id, full]) => [id, nameScore(queryTokens, full.split(' '))] as const)
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, LIMIT);
  const found = await findByKeys(
    db,
    ranked.map(([id]) => idKey(id)),
  );
  for (const [id, score] of ranked) {
    const customer = found.get(idKey(id))?.[0];
    // An index entry of a stale copy can outlive a name change: score the latest version's name again.
    if (customer && nameScore(queryTokens, customerNameTokens(customer)) > 0) add([customer], score);
  }
}

/**
 * Each query word paired with a different name token, best pairs first (exact 10, prefix 8, one or two edits 6–5,
 * same sound 3); 0 when a word pairs with nothing: a word is never ignored, and never used twice.
 */
export function nameScore(queryTokens: string[], candidate: string[]): number {
  const pairs: [number, number, number][] = [];
  queryTokens.forEach((word, w) => {
    candidate.forEach((token, t) => {
      const score = wordScore(word, token);
      if (score > 0) pairs.push([score, w, t]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const words = new Set<number>();
  const tokens = new Set<number>();
  let total = 0;
  for (const [score, w, t] of pairs) {
    if (words.has(w) || tokens.has(t)) continue;
    words.add(w);
    tokens.add(t);
    total += score;
  }
  // Among equal matches, the name with nothing left over first: "Paul Lefèvre" before "Paul Martin Lefèvre".
  return words.size === queryTokens.length ? Math.max(1, total - (candidate.length - tokens.size)) : 0;
}

function wordScore(word: string, token: string): number {
  if (token === word) return 10;
  if (token.startsWith(word)) return 8;
  const allowed = Math.max(1, Math.min(2, Math.floor(word.length / 3)));
  const distance = editDistance(word, token, allowed);
  if (distance <= allowed) return 7 - distance;
  return soundOf(word) === soundOf(token) ? 3 : 0;
}

const sounds = new Map<string, string>();
/** Sound keys of name tokens, remembered: the same few thousand names come up again and again. */
function soundOf(token: string): string {
  let sound = sounds.get(token);
  if (sound === undefined) {
    if (sounds.size > 50_000) sounds.clear();
    sound = soundKey(token);
    sounds.set(token, sound);
  }
  return sound;
}

/** "martin claire#cus_1" → ["martin claire", "cus_1"] (ids may themselves hold "#"). */
function splitOnce(text: string): [string, string] {
  const at = text.indexOf('#');
  return [text.slice(0, at), text.slice(at + 1)];
}

async function bounded(db: ReconnuDb, low: string, high: string) {
  const entries = await entriesInRange(db, low, high);
  return entries.length > MAX_ENTRIES ? [] : entries;
}

function idsOf(entries: readonly (readonly [string, ...unknown[]])[]): Set<string> {
  return new Set(entries.map(([key]) => key.slice(key.indexOf('#') + 1)));
}

async function addByIds(db: ReconnuDb, ids: string[], add: Add, score: number): Promise<void> {
  for (const customers of (await findByKeys(db, ids.map(idKey))).values()) add(customers, score);
}

// 1,000 side-panel queries of mixed kinds with their ground truth, from the generator (deterministic).
import type { Customer } from '../../lib/feed/schema';
import { customerId, generateCustomer } from '../feed-server/generator';
import { createRandom } from '../feed-server/random';

export interface SearchQuery {
  kind: 'name-typo' | 'partial-phone' | 'email-prefix' | 'card' | 'order';
  query: string;
  expectedId: string;
  /** For name queries: the untypo'd name belongs to this customer only, so "first" is well defined. */
  unique: boolean;
}

function typo(word: string, pick: (n: number) => number): string {
  const plain = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (plain !== word && pick(2) === 0) return plain; // accents dropped, as most people type
  if (word.length < 4) return word + word.slice(-1); // short names: a letter doubled at the end
  // People rarely get the first letter wrong: the typo lands after it.
  const at = 1 + pick(word.length - 2);
  switch (pick(3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1); // a letter missing
    case 1:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2); // two swapped
    default:
      return word.slice(0, at) + (word[at] ?? '') + word.slice(at); // a letter doubled
  }
}

export function searchQueries(seed: string, customers: number, count = 1_000): SearchQuery[] {
  const nameCounts = new Map<string, number>();
  const fullName = (customer: Customer) =>
    `${customer.name?.given} ${customer.name?.family}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  for (let index = 0; index < customers; index++) {
    const name = fullName(generateCustomer(seed, index));
    nameCounts.set(name, (nameCounts.get(name) ?? 0) + 1);
  }
  const random = createRandom(seed, 'search-bench', 0);
  const pick = (n: number) => random.int(0, n - 1);
  const queries: SearchQuery[] = [];
  const kinds: SearchQuery['kind'][] = ['name-typo', 'name-typo', 'partial-phone', 'email-prefix', 'card', 'order'];
  for (let k = 0; queries.length < count; k++) {
    const index = random.int(0, customers - 1);
    const customer = generateCustomer(seed, index);
    const kind = kinds[k % kinds.length] as SearchQuery['kind'];
    const expectedId = customerId(index);
    const phone = customer.phones?.[0];
    const email = customer.emails?.[0];
    const order = customer.orders?.[0]?.number;
    const card = customer.loyalty?.card;
    if (kind === 'name-typo' && customer.name) {
      const typoFamily = pick(2) === 0;
      const given = typoFamily ? customer.name.given : typo(customer.name.given, pick);
      const family = typoFamily ? typo(customer.name.family, pick) : customer.name.family;
      queries.push({ kind, query: `${given} ${family}`, expectedId, unique: nameCounts.get(fullName(customer)) === 1 });
    } else if (kind === 'partial-phone' && phone) {
      const digits = phone.replace(/\(0\)/, '').replace(/\D/g, '');
      queries.push({ kind, query: digits.slice(-(4 + pick(3))), expectedId, unique: false });
    } else if (kind === 'email-prefix' && email) {
      queries.push({
        kind,
        query: email.slice(0, Math.min(email.indexOf('@'), 6 + pick(5))),
        expectedId,
        unique: false,
      });
    } else if (kind === 'card' && card) queries.push({ kind, query: card, expectedId, unique: true });
    else if (kind === 'order' && order) queries.push({ kind, query: order, expectedId, unique: true });
  }
  return queries;
}

// Customers the overlay tests put in the feed: the people of the saved adapter fixtures and of the generic pages,
// plus the agent himself, who is also a customer of the shop: he must never be taken for the customer.
import type { Customer } from '../../lib/feed/schema';
import { type AdapterCase, adapterCases } from '../adapter-cases';

export const AGENT = {
  given: 'Thomas',
  family: 'Girard',
  emails: ['thomas.girard@maison-lumiere.fr'],
  phones: ['+33 1 84 60 12 17'],
};

export const SPA_PEOPLE = [
  { given: 'Lucie', family: 'Marchetti', emails: ['lucie.marchetti@orange.fr'] },
  { given: 'Antoine', family: 'Brun', emails: ['antoine.brun@gmail.com'] },
  { given: 'Nadia', family: 'Belkacem', phones: ['+33658317290'] },
];

function customer(
  id: string,
  person: { given: string; family: string; emails?: string[]; phones?: string[] },
): Customer {
  return {
    id,
    version: 1,
    updatedAt: '2026-11-01T09:00:00Z',
    name: { given: person.given, family: person.family },
    emails: person.emails ?? [],
    phones: person.phones ?? [],
  };
}

export function fixtureName(entry: AdapterCase): string {
  return entry.file.replace(/\.html$/, '');
}

/** Every person the overlay tests expect to see, as feed records with ids outside the generated range. */
export function overlayCustomers(): Customer[] {
  // One decoy holds every identifier the fixtures say is not the customer's (the agent, the company, other tickets
  // kept in hidden tabs): reading any of them would show a picker or the wrong person instead of the customer.
  const decoy = {
    given: 'Decoy',
    family: 'Person',
    emails: [...new Set(adapterCases().flatMap((entry) => entry.notCustomer.emails ?? []))],
    phones: [...new Set(adapterCases().flatMap((entry) => entry.notCustomer.phones ?? []))],
  };
  return [
    customer('agent_thomas', AGENT),
    customer('decoy', decoy),
    ...SPA_PEOPLE.map((person, index) => customer(`spa_${index}`, person)),
    ...adapterCases().map((entry) => customer(`fixture_${fixtureName(entry)}`, entry.customer)),
  ];
}

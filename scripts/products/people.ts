import type { Customer } from '../../lib/feed/schema';

// The people of the real-product end-to-end tests (Request Tracker, Roundcube): the feed's customers, the agent who
// signs in (the recognition corpus's agent, himself a customer), the company's mailbox, and a stranger the feed lacks.

const UPDATED = '2026-11-01T09:00:00Z';

function customer(id: string, given: string, family: string, email: string, phone?: string): Customer {
  return {
    id,
    version: 1,
    updatedAt: UPDATED,
    name: { given, family },
    emails: [email],
    ...(phone ? { phones: [phone] } : {}),
    addresses: [{ city: 'Lyon', country: 'FR' }],
  };
}

export const people = {
  camille: customer('pr_camille_dubois', 'Camille', 'Dubois', 'camille.dubois@laposte.net', '+33 6 12 34 56 78'),
  julien: customer('pr_julien_moreau', 'Julien', 'Moreau', 'julien.moreau@free.fr'),
  marc: customer('pr_marc_lefevre', 'Marc', 'Lefèvre', 'marc.lefevre@orange.fr'),
  helene: customer('pr_helene_fontaine', 'Hélène', 'Fontaine', 'helene.fontaine@gmail.com', '+33 7 81 22 33 44'),
  antoine: customer('pr_antoine_dubois', 'Antoine', 'Dubois', 'antoine.dubois@laposte.net'),
} as const;

/** Everyone the feed serves, the agent included: the agent is a customer too, and must never be taken for one. */
export const productCustomers = (agent: Customer): Customer[] => [...Object.values(people), agent];

/** The company's shared mailbox: on the company's domain, so never a customer. */
export const MAILBOX = 'service-client@maison-lumiere.fr';
/** The company's switchboard, in every signature. */
export const SWITCHBOARD = '+33 1 84 60 12 00';

/** Writes to the company and is in no feed. */
export const stranger = { name: 'Paul Bernard', email: 'paul.bernard@wanadoo.fr' };

export const fullName = (person: Customer): string => `${person.name?.given} ${person.name?.family}`;

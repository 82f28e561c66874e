import type { RangePreset } from '../supervisor/date-range';
import type { Locale } from './strings';

// Words of the pickers and filters the supervisor's console and the audit view share.
const en = {
  person: 'Person',
  everyone: 'Everyone',
  choosePerson: 'Choose a person',
  customer: 'Customer',
  findCustomer: 'Find a customer (name, email, phone, card or order)',
  anyCustomer: 'Any customer',
  change: 'Change customer',
  clear: 'Any customer',
  dates: 'Dates',
  from: 'From',
  to: 'To',
  presets: { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days' } satisfies Record<RangePreset, string>,
  previous: 'Newer',
  next: 'Older',
  page: (n: number) => `Page ${n}`,
};

type FilterStrings = typeof en;

const fr: FilterStrings = {
  person: 'Personne',
  everyone: 'Tout le monde',
  choosePerson: 'Choisir une personne',
  customer: 'Client',
  findCustomer: 'Trouver un client (nom, e-mail, téléphone, carte ou commande)',
  anyCustomer: 'Tous les clients',
  change: 'Changer de client',
  clear: 'Tous les clients',
  dates: 'Dates',
  from: 'Du',
  to: 'Au',
  presets: { today: 'Aujourd’hui', '7d': '7 derniers jours', '30d': '30 derniers jours' },
  previous: 'Plus récentes',
  next: 'Plus anciennes',
  page: (n) => `Page ${n}`,
};

export function filterStrings(locale: Locale): FilterStrings {
  return locale === 'fr' ? fr : en;
}

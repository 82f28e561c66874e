import type { Locale } from './strings';

// Words of the customer data source picker (options page); each connector's name and fields are in its definition.
const en = {
  legend: 'Customer data source',
  kind: 'Read customers from',
  feedOptional: 'Without a feed, this browser keeps its view audit locally and no empowerment policy applies.',
  invalid: (field: string) => `Check “${field}”.`,
};

type SourceStrings = typeof en;

const fr: SourceStrings = {
  legend: 'Source des données clients',
  kind: 'Lire les clients depuis',
  feedOptional:
    'Sans flux, ce navigateur garde son journal des consultations localement et aucune politique de gestes ne s’applique.',
  invalid: (field) => `Vérifiez « ${field} ».`,
};

export function sourceStrings(locale: Locale): SourceStrings {
  return locale === 'fr' ? fr : en;
}

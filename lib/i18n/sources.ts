import type { Locale } from './strings';

// Words of the customer data source picker (options page).
const en = {
  legend: 'Customer data source',
  kind: 'Read customers from',
  feedOption: 'The Reconnu feed above',
  feedOptional: 'Without a feed, this browser keeps its view audit locally and no empowerment policy applies.',
  fields: {
    vendureUrl: 'Admin API URL (…/admin-api)',
    vendureToken: 'API key or bearer token (read customers and orders)',
    channelToken: 'Channel token (optional)',
    shopifyUrl: 'Shop URL (https://your-shop.myshopify.com)',
    shopifyToken: 'Admin API access token (read_customers, read_orders)',
    apiVersion: 'API version',
    wooUrl: 'Store URL',
    wooKey: 'Consumer key (Read)',
    wooSecret: 'Consumer secret',
  },
  invalid: (field: string) => `Check “${field}”.`,
};

type SourceStrings = typeof en;

const fr: SourceStrings = {
  legend: 'Source des données clients',
  kind: 'Lire les clients depuis',
  feedOption: 'Le flux Reconnu ci-dessus',
  feedOptional:
    'Sans flux, ce navigateur garde son journal des consultations localement et aucune politique de gestes ne s’applique.',
  fields: {
    vendureUrl: 'URL de l’API Admin (…/admin-api)',
    vendureToken: 'Clé d’API ou jeton (lecture des clients et des commandes)',
    channelToken: 'Jeton de canal (facultatif)',
    shopifyUrl: 'URL de la boutique (https://votre-boutique.myshopify.com)',
    shopifyToken: 'Jeton d’accès Admin API (read_customers, read_orders)',
    apiVersion: 'Version de l’API',
    wooUrl: 'URL de la boutique',
    wooKey: 'Clé client (lecture)',
    wooSecret: 'Secret client',
  },
  invalid: (field) => `Vérifiez « ${field} ».`,
};

export function sourceStrings(locale: Locale): SourceStrings {
  return locale === 'fr' ? fr : en;
}

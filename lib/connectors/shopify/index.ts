import { defineConnector } from '../define';
import { BULK_DOWNLOAD_ORIGIN, createShopifyConnector } from './connector';
import { shopifySettingsSchema } from './settings';

/** Shopify's GraphQL Admin API, read with a custom app's access token. */
export const shopifyConnector = defineConnector({
  kind: 'shopify',
  label: { en: 'Shopify', fr: 'Shopify' },
  platform: true,
  schema: shopifySettingsSchema,
  fields: [
    {
      name: 'url',
      input: 'url',
      label: {
        en: 'Shop URL (https://your-shop.myshopify.com)',
        fr: 'URL de la boutique (https://votre-boutique.myshopify.com)',
      },
    },
    {
      name: 'token',
      input: 'text',
      secret: true,
      label: {
        en: 'Admin API access token (read_customers, read_orders)',
        fr: 'Jeton d’accès Admin API (read_customers, read_orders)',
      },
      placeholder: 'shpat_…',
    },
    { name: 'apiVersion', input: 'text', label: { en: 'API version', fr: 'Version de l’API' } },
  ],
  identity: (settings) => `shopify ${settings.url}`,
  origins: (settings) => [`${new URL(settings.url).origin}/*`, BULK_DOWNLOAD_ORIGIN],
  create: (settings) => createShopifyConnector(settings),
});

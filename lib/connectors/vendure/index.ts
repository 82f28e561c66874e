import { defineConnector } from '../define';
import { createVendureConnector } from './connector';
import { vendureSettingsSchema } from './settings';

/** Vendure's Admin API (GraphQL), read with an API key or an administrator's session token. */
export const vendureConnector = defineConnector({
  kind: 'vendure',
  label: { en: 'Vendure', fr: 'Vendure' },
  platform: true,
  schema: vendureSettingsSchema,
  fields: [
    {
      name: 'url',
      input: 'url',
      label: { en: 'Admin API URL (…/admin-api)', fr: 'URL de l’API Admin (…/admin-api)' },
      placeholder: 'https://shop.example.com/admin-api',
    },
    {
      name: 'token',
      input: 'text',
      secret: true,
      label: {
        en: 'API key or bearer token (read customers and orders)',
        fr: 'Clé d’API ou jeton (lecture des clients et des commandes)',
      },
    },
    {
      name: 'channelToken',
      input: 'text',
      label: { en: 'Channel token (optional)', fr: 'Jeton de canal (facultatif)' },
    },
  ],
  // A channel has its own customers and orders: another channel of the same server is another source.
  identity: (settings) => `vendure ${settings.url}${settings.channelToken ? ` ${settings.channelToken}` : ''}`,
  origins: (settings) => [`${new URL(settings.url).origin}/*`],
  create: (settings) => createVendureConnector(settings),
});

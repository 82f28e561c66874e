import { defineConnector } from '../define';
import { createReadClock } from '../http';
import { WooClient } from './client';
import { woocommerceSettingsSchema } from './settings';
import { fetchWooChanges } from './sync';

/**
 * WooCommerce (REST API v3) as a customer source. The REST API key pair belongs to a WordPress user and has no "me"
 * endpoint: whoAmI checks the key can list customers (one light request) and names the shop. A key that can read
 * every customer of the shop is a platform credential, so its holder gets full contacts ('agent').
 */
export const woocommerceConnector = defineConnector({
  kind: 'woocommerce',
  label: { en: 'WooCommerce', fr: 'WooCommerce' },
  platform: true,
  schema: woocommerceSettingsSchema,
  fields: [
    { name: 'url', input: 'url', label: { en: 'Store URL', fr: 'URL de la boutique' } },
    {
      name: 'key',
      input: 'text',
      secret: true,
      label: { en: 'Consumer key (Read)', fr: 'Clé client (lecture)' },
      placeholder: 'ck_…',
    },
    {
      name: 'secret',
      input: 'text',
      secret: true,
      label: { en: 'Consumer secret', fr: 'Secret client' },
      placeholder: 'cs_…',
    },
  ],
  identity: (settings) => `woocommerce ${settings.url}`,
  origins: (settings) => [`${new URL(settings.url).origin}/*`],
  create(settings) {
    const client = new WooClient(settings);
    const clock = createReadClock();
    return {
      kind: 'woocommerce',
      fetchChanges: (cursor, limit, signal, context) => fetchWooChanges(client, clock, cursor, limit, signal, context),
      async whoAmI(signal) {
        await client.list('/customers', { role: 'all', per_page: 1, _fields: 'id' }, signal);
        return { id: `woocommerce:${client.host}`, name: client.host, email: '', role: 'agent' };
      },
    };
  },
});

import { createVendureConnector } from '../../lib/connectors/vendure/connector';
import { type Change, type Customer, isDeletion, parseChange } from '../../lib/feed/schema';
import { configureVendure, type ExtensionBrowser } from '../browser';
import { startVendure } from '../vendure/start';
import type { DemoCustomers } from './scenario';

/**
 * `npm run demo -- --vendure`: a real Vendure server (dev dependency) seeded with customers and real orders, picked
 * as the source in the options page with the least-privilege API key, as an administrator would.
 */
export async function startVendureSource(browser: ExtensionBrowser, customers: number) {
  const vendure = await startVendure({ customers });
  console.log(`Vendure Admin API: ${vendure.adminApi} (${customers} customers, API key ${vendure.apiKey})`);
  const started = Date.now();
  const options = await configureVendure(browser, { adminApi: vendure.adminApi, token: vendure.apiKey }, customers);
  console.log(`Synced ${customers} Vendure customers in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { options, customers: await readCustomers(vendure.adminApi, vendure.token), stop: () => vendure.stop() };
}

/** The demo pages show customers the connector itself reads, mapped as the extension stores them. */
async function readCustomers(adminApi: string, token: string): Promise<DemoCustomers> {
  const connector = createVendureConnector({ kind: 'vendure', url: adminApi, token, channelToken: '' });
  const context = { storedIds: async () => [], now: () => new Date() };
  const page = await connector.fetchChanges(null, 1000, undefined, context);
  const changes = page.changes.map(parseChange).flatMap((parsed) => (parsed.ok ? [parsed.change] : []));
  const list = changes.filter((change: Change): change is Customer => !isDeletion(change));
  return (index) => list[index];
}

// Records the Vendure Admin API responses that the connector's contract tests replay (tests/fixtures/vendure):
//   npx tsx scripts/vendure/record-fixtures.ts
// Starts the test server, asks it the connector's own queries, and writes status, headers and body as Vendure sent them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ADDRESS_STAMPS,
  customersQuery,
  KNOWN_CUSTOM_FIELDS,
  ORDER_STAMPS,
  SERVER_CONFIG,
  WHO_AM_I,
} from '../../lib/connectors/vendure/queries';
import { startVendure } from './start';

const out = fileURLToPath(new URL('../../tests/fixtures/vendure/', import.meta.url));
const SKIPPED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'etag']);

const server = await startVendure({ customers: 12 });
try {
  mkdirSync(out, { recursive: true });
  const record = async (
    name: string,
    query: string,
    variables: Record<string, unknown>,
    auth: Record<string, string>,
  ) => {
    const response = await fetch(server.adminApi, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify({ query, variables }),
    });
    const headers = Object.fromEntries([...response.headers].filter(([key]) => !SKIPPED_HEADERS.has(key)));
    const body = await response.json();
    writeFileSync(
      join(out, `${name}.json`),
      `${JSON.stringify({ status: response.status, headers, body }, null, 2)}\n`,
    );
    return body;
  };
  const token = { Authorization: `Bearer ${server.token}` };
  const apiKey = { 'vendure-api-key': server.apiKey };
  await record('server-config', SERVER_CONFIG, {}, apiKey);
  await record('who-am-i-admin', WHO_AM_I, {}, token);
  await record('who-am-i-api-key', WHO_AM_I, {}, apiKey);
  await record('who-am-i-refused', WHO_AM_I, {}, { 'vendure-api-key': 'a1b2c3:not-a-key' });
  const document = customersQuery(KNOWN_CUSTOM_FIELDS);
  // Customers with an order among the first ones: the first three by updatedAt, then those of the first orders.
  const page = await record('customers-page', document, { options: { take: 3, sort: { updatedAt: 'ASC' } } }, apiKey);
  const orders = await record(
    'order-stamps',
    ORDER_STAMPS,
    { options: { take: 2, sort: { updatedAt: 'ASC' } } },
    apiKey,
  );
  const ordered = orders.data.orders.items.map((order: { customer: { id: string } }) => order.customer.id);
  await record(
    'customers-by-id',
    document,
    { options: { filter: { id: { in: ordered } }, take: ordered.length } },
    apiKey,
  );
  const ids = page.data.customers.items.map((customer: { id: string }) => customer.id);
  await record(
    'address-stamps',
    ADDRESS_STAMPS,
    { options: { filter: { id: { in: ids } }, take: 500, sort: { id: 'ASC' } } },
    apiKey,
  );
  await record('invalid-query', '{ customers { items { id nope } } }', {}, apiKey);
} finally {
  await server.stop();
}

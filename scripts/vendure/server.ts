// A real Vendure server for tests, the demo and benches (dev dependency only: Reconnu never bundles Vendure).
//   npx tsx scripts/vendure/server.ts [--customers N] [--port P] [--no-cache]
// Prints one JSON line on stdout when ready: {"vendure":"ready","adminApi":…,"token":…,"apiKey":…,"customers":N,…}
// and stops cleanly on SIGTERM/SIGINT. Logs go to stderr. The seeded database is cached (snapshot.ts): --no-cache
// seeds again (and refreshes the cache).
process.env.VENDURE_DISABLE_TELEMETRY = 'true';

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '@vendure/core';
import { importProductsFromCsv, populateInitialData } from '@vendure/core/cli';
import { vendureConfig } from './config';
import { createReadOnlyApiKey, loginSuperadmin } from './credentials';
import { initialData, productsCsv } from './initial-data';
import { priceInEuros, seedCustomers } from './seed';
import { readSnapshot, writeSnapshot } from './snapshot';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '200' },
    port: { type: 'string', default: '0' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const customers = Number(values.customers);
const port = Number(values.port);
if (!Number.isInteger(customers) || customers < 0 || !Number.isInteger(port) || port < 0) {
  process.stderr.write('Usage: tsx scripts/vendure/server.ts [--customers N] [--port P] [--no-cache]\n');
  process.exit(2);
}

const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'reconnu-vendure-'));
const snapshot = values['no-cache'] ? null : readSnapshot(customers);
const app = await bootstrap(vendureConfig(port, dir, snapshot?.database));
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Idle keep-alive connections can hold app.close() back: the process goes regardless after a moment.
  setTimeout(() => process.exit(0), 3_000).unref();
  rmSync(dir, { recursive: true, force: true });
  await app.close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Spawned by startVendure (start.ts) with an IPC channel: when the parent dies, the server goes with it.
if (process.send) process.on('disconnect', stop);

let seedMs = 0;
let apiKey = snapshot?.apiKey;
const address = app.getHttpServer().address() as AddressInfo;
const adminApi = `http://127.0.0.1:${address.port}/admin-api`;
const booted = performance.now();
if (!apiKey) {
  await populateInitialData(app, initialData);
  await priceInEuros(app);
  const csvPath = join(dir, 'products.csv');
  writeFileSync(csvPath, productsCsv);
  await importProductsFromCsv(app, csvPath, initialData.defaultLanguage);
  seedMs = await seedCustomers(app, customers);
  apiKey = await createReadOnlyApiKey(adminApi, await loginSuperadmin(adminApi));
  writeSnapshot(app, customers, apiKey);
}
// Logged in last: the seed keeps the event loop busy past the server's keep-alive timeout.
const token = await loginSuperadmin(adminApi);
const ready = {
  vendure: 'ready',
  adminApi,
  shopApi: `http://127.0.0.1:${address.port}/shop-api`,
  token,
  apiKey,
  customers,
  startupMs: Math.round(performance.now() - started),
  bootMs: Math.round(booted - started),
  seedMs: Math.round(seedMs),
  fromCache: snapshot !== null,
};
process.stdout.write(`${JSON.stringify(ready)}\n`);

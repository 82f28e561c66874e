import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { TransactionalConnection } from '@vendure/core';

// Placing orders through Vendure's order process is slow (hundreds of queries each): the seeded database is kept as a
// snapshot under node_modules/.cache, keyed by everything that shapes it, and loaded by the next start.

const here = fileURLToPath(new URL('.', import.meta.url));
const cacheDir = join(here, '..', '..', 'node_modules', '.cache', 'reconnu-vendure');
const SHAPING_FILES = ['config.ts', 'initial-data.ts', 'people.ts', 'seed.ts', 'credentials.ts', 'snapshot.ts'];

export interface Snapshot {
  database: Uint8Array;
  apiKey: string;
}

function keyOf(customers: number): string {
  const hash = createHash('sha256');
  const vendure = JSON.parse(
    readFileSync(join(here, '..', '..', 'node_modules', '@vendure', 'core', 'package.json'), 'utf8'),
  );
  hash.update(`${vendure.version}\n${customers}\n`);
  for (const file of SHAPING_FILES) hash.update(readFileSync(join(here, file)));
  return hash.digest('hex').slice(0, 24);
}

export function readSnapshot(customers: number): Snapshot | null {
  const base = join(cacheDir, keyOf(customers));
  if (!existsSync(`${base}.sqlite`) || !existsSync(`${base}.json`)) return null;
  const { apiKey } = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { apiKey: string };
  return { database: readFileSync(`${base}.sqlite`), apiKey };
}

/** Written before any test changes the data; renamed into place so a killed server leaves no half snapshot. */
export function writeSnapshot(app: INestApplicationContext, customers: number, apiKey: string): void {
  const driver = app.get(TransactionalConnection).rawConnection.driver as unknown as { export(): Uint8Array };
  const base = join(cacheDir, keyOf(customers));
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${base}.sqlite.tmp`, driver.export());
  writeFileSync(`${base}.json.tmp`, JSON.stringify({ apiKey }));
  renameSync(`${base}.sqlite.tmp`, `${base}.sqlite`);
  renameSync(`${base}.json.tmp`, `${base}.json`);
}

// Shared by every adapter's test and by the end-to-end overlay test: the saved fixtures and what they must yield.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ADAPTER_FIXTURES = resolve(import.meta.dirname, 'fixtures', 'adapters');

export interface PersonIdentifiers {
  emails?: string[];
  phones?: string[];
  orders?: string[];
}

export interface AdapterCase {
  /** Adapter id, e.g. "zendesk". */
  adapter: string;
  /** Fixture file in tests/fixtures/adapters/, e.g. "zendesk-ticket.html". */
  file: string;
  /** The real URL of the page the fixture was saved from: its host and path are what the adapter must match. */
  url: string;
  /** The customer the page is about: exactly what the adapter must extract (as written on the page). */
  /** `name` is how the product shows them when not "given family"; null when it shows no name (an unknown caller). */
  customer: PersonIdentifiers & { given: string; family: string; name?: string | null };
  /** The agent's and the company's identifiers on the page: never taken for the customer. */
  notCustomer: PersonIdentifiers;
}

/** Every case of tests/fixtures/adapters/*.cases.json. */
export function adapterCases(): AdapterCase[] {
  return readdirSync(ADAPTER_FIXTURES)
    .filter((file) => file.endsWith('.cases.json'))
    .sort()
    .flatMap((file) => JSON.parse(readFileSync(join(ADAPTER_FIXTURES, file), 'utf8')) as AdapterCase[]);
}

export function casesOf(adapter: string): AdapterCase[] {
  return adapterCases().filter((entry) => entry.adapter === adapter);
}

export function fixtureHtml(file: string): string {
  return readFileSync(join(ADAPTER_FIXTURES, file), 'utf8');
}

// The checks every site adapter passes on each of its saved fixtures (run under happy-dom).
import { describe, expect, it } from 'vitest';
import { adapters } from '../lib/adapters';
import { matchesPattern, pageKey, pickAdapter } from '../lib/adapters/match';
import type { SiteAdapter } from '../lib/adapters/types';
import { readAdapter } from '../lib/detect/adapter-read';
import { identifiersOf, readPage } from '../lib/detect/read-page';
import { type AdapterCase, casesOf, fixtureHtml } from './adapter-cases';

/** Replaces the test document with a saved page, as the browser would have parsed it. */
export function loadFixture(file: string): Document {
  const parsed = new DOMParser().parseFromString(fixtureHtml(file), 'text/html');
  const imported = document.importNode(parsed.documentElement, true);
  document.removeChild(document.documentElement);
  document.appendChild(imported);
  return document;
}

const lower = (values: readonly string[] = []) => values.map((value) => value.toLowerCase()).sort();
const digits = (values: readonly string[] = []) => values.map((value) => value.replace(/\D/g, '')).sort();

export function describeAdapter(adapter: SiteAdapter): void {
  const cases = casesOf(adapter.id);

  describe(`${adapter.name} adapter`, () => {
    it('is registered and has saved fixtures', () => {
      expect(adapters).toContain(adapter);
      expect(cases.length).toBeGreaterThan(0);
    });

    describe.each(cases.map((entry): [string, AdapterCase] => [entry.file, entry]))('%s', (_file, entry) => {
      const realUrl = new URL(entry.url);

      it("matches the product's real URL by host, and its page pattern", () => {
        expect(adapter.hosts.some((pattern) => matchesPattern(pattern, realUrl))).toBe(true);
        expect(adapter.pages.test(pageKey(realUrl))).toBe(true);
      });

      it('is recognized by its markup alone on another host (custom domain, self-hosted, fixture server)', () => {
        const doc = loadFixture(entry.file);
        const picked = pickAdapter(adapters, new URL(`http://127.0.0.1/${adapter.id}${pageKey(realUrl)}`), doc);
        expect(picked?.adapter.id).toBe(adapter.id);
      });

      it("extracts exactly the customer's identifiers, and none of the agent's or the company's", () => {
        const reading = readAdapter(adapter, loadFixture(entry.file));
        expect(lower(reading.identifiers.emails)).toEqual(lower(entry.customer.emails));
        expect(digits(reading.identifiers.phones)).toEqual(digits(entry.customer.phones));
        if (entry.customer.orders) expect(lower(reading.identifiers.orders)).toEqual(lower(entry.customer.orders));
        if (entry.customer.name !== null) {
          expect(reading.names).toContain(entry.customer.name ?? `${entry.customer.given} ${entry.customer.family}`);
        }
      });

      it('falls back to generic detection when its selectors break, still finding the customer and not the agent', () => {
        const broken: SiteAdapter = {
          ...adapter,
          customer: { emails: '.renamed-by-vendor', phones: '.renamed-by-vendor', orders: '.renamed-by-vendor' },
        };
        const reading = readPage({ url: realUrl, doc: loadFixture(entry.file), adapter: broken });
        expect(reading.source).toBe('fallback');
        expect(reading.unhealthy).toBeTruthy();
        const { emails, phones } = identifiersOf(reading.sightings);
        const found = [...lower(emails), ...digits(phones)];
        const customer = [...lower(entry.customer.emails), ...digits(entry.customer.phones)];
        expect(customer.some((identifier) => found.includes(identifier))).toBe(true);
        const agent = [...lower(entry.notCustomer.emails), ...digits(entry.notCustomer.phones)];
        expect(found.filter((identifier) => agent.includes(identifier))).toEqual([]);
      });
    });
  });
}

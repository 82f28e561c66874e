// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../adapters/types';
import { identifiersOf, namesOf, type PageReading, readPage } from './read-page';
import type { SiteRule } from './site-rule';

/** A reading as the tests compare it: its identifiers by kind and the names beside them. */
function summary(reading: PageReading) {
  const { sightings, ...rest } = reading;
  return { ...rest, identifiers: identifiersOf(sightings), names: namesOf(sightings) };
}

const crm: SiteRule = {
  host: 'crm.acme.internal',
  customer: { emails: '#client .mail', phones: '#client .tel', names: '#client h2' },
  exclude: '.me',
  orderPattern: 'CMD-\\d{6}',
  companyDomains: ['acme.fr'],
};
const url = new URL('https://crm.acme.internal/fiche/42');

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('readPage with a per-site rule (in-house CRM, no code)', () => {
  it("reads the fields the administrator named, not the agent's", () => {
    const doc = page(`<div class="me">Agent : jules@acme.fr</div>
      <div id="client"><h2>Lucie Marchetti</h2><span class="mail">lucie.marchetti@orange.fr</span>
      <span class="tel">06 58 31 72 90</span></div><p>Autre : paul@gmail.com</p>`);
    expect(summary(readPage({ url, doc, rule: crm }))).toEqual({
      identifiers: { emails: ['lucie.marchetti@orange.fr'], phones: ['06 58 31 72 90'], orders: [] },
      names: ['Lucie Marchetti'],
      source: 'rule',
    });
  });

  it("falls back to generic detection without the company's own domains, ignored areas or order pattern", () => {
    const doc = page(`<div class="me">jules@acme.fr</div><p>Commande CMD-204518 de lucie@orange.fr,
      copie support@acme.fr</p>`);
    expect(summary(readPage({ url, doc, rule: crm }))).toMatchObject({
      identifiers: { emails: ['lucie@orange.fr'], phones: [], orders: ['CMD-204518'] },
      source: 'generic',
    });
  });

  it('survives an invalid order pattern', () => {
    const doc = page('<p>lucie@orange.fr</p>');
    expect(summary(readPage({ url, doc, rule: { ...crm, orderPattern: '(' } })).identifiers.emails).toEqual([
      'lucie@orange.fr',
    ]);
  });
});

describe('readPage self-healing', () => {
  const adapter: SiteAdapter = {
    id: 'desk',
    name: 'Desk',
    kind: 'helpdesk',
    hosts: ['https://*.desk.io/*'],
    fingerprint: '#desk-app',
    pages: /\/tickets\/\d+/,
    scope: '.ticket',
    customer: { emails: '.requester-email' },
    exclude: '.agent',
  };
  const ticket = new URL('https://acme.desk.io/tickets/12');

  it('reads the adapter when its selectors match', () => {
    const doc = page('<div id="desk-app"><div class="ticket"><span class="requester-email">a@b.fr</span></div></div>');
    expect(summary(readPage({ url: ticket, doc, adapter }))).toMatchObject({
      source: 'adapter',
      identifiers: { emails: ['a@b.fr'] },
    });
  });

  it('falls back to generic detection in the scope and reports the adapter when the vendor renamed its fields', () => {
    const doc = page(`<div class="ticket"><span class="cx-email">a@b.fr</span><p class="agent">me@shop.fr</p></div>`);
    const reading = readPage({ url: ticket, doc, adapter });
    expect(summary(reading)).toMatchObject({ source: 'fallback', identifiers: { emails: ['a@b.fr'] } });
    expect(reading.unhealthy).toEqual({ kind: 'fields', page: '/tickets/12' });
  });

  it('reports a missing conversation container, and stays quiet on pages that show no customer', () => {
    const moved = readPage({ url: ticket, doc: page('<main><p>a@b.fr</p></main>'), adapter });
    expect(moved.unhealthy).toEqual({ kind: 'container', page: '/tickets/12' });
    expect(identifiersOf(moved.sightings).emails).toEqual(['a@b.fr']);
    expect(readPage({ url: ticket, doc: page('<div class="ticket">Nouveau ticket</div>'), adapter }).unhealthy).toBe(
      undefined,
    );
    const list = readPage({ url: new URL('https://acme.desk.io/views/3'), doc: page('<p>a@b.fr</p>'), adapter });
    expect(list.source).toBe('generic');
    expect(list.unhealthy).toBeUndefined();
  });
});

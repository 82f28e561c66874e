// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapters } from '.';
import { matchesPattern, pickAdapter } from './match';
import type { SiteAdapter } from './types';

describe('matchesPattern', () => {
  it('matches hosts and subdomains of Chrome match patterns', () => {
    const url = (text: string) => new URL(text);
    expect(matchesPattern('https://*.zendesk.com/*', url('https://acme.zendesk.com/agent/tickets/1'))).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/*', url('https://zendesk.com/'))).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/*', url('https://acme.zendesk.com.evil.io/'))).toBe(false);
    expect(matchesPattern('https://*.zendesk.com/*', url('https://evilzendesk.com/'))).toBe(false);
    expect(matchesPattern('https://*.zendesk.com/*', url('http://acme.zendesk.com/'))).toBe(false);
    expect(matchesPattern('*://mail.google.com/mail/*', url('http://mail.google.com/mail/u/0/'))).toBe(true);
    expect(matchesPattern('https://mail.google.com/mail/*', url('https://mail.google.com/chat/'))).toBe(false);
    expect(matchesPattern('not a pattern', url('https://a.b/'))).toBe(false);
  });
});

describe('pickAdapter', () => {
  const fake = (id: string, host: string, fingerprint: string): SiteAdapter => ({
    id,
    name: id,
    kind: 'helpdesk',
    hosts: [`https://*.${host}/*`],
    fingerprint,
    pages: /ticket/,
    customer: {},
  });
  const known = [fake('one', 'one.io', '#one-app'), fake('two', 'two.io', 'meta[name="two"]')];

  it('prefers the host, then the markup, and picks nothing on an unknown page', () => {
    document.body.innerHTML = '<div id="one-app"></div>';
    expect(pickAdapter(known, new URL('https://x.two.io/ticket/1'), document)).toMatchObject({
      adapter: { id: 'two' },
      by: 'host',
    });
    expect(pickAdapter(known, new URL('https://support.acme.fr/ticket/1'), document)).toMatchObject({
      adapter: { id: 'one' },
      by: 'fingerprint',
    });
    document.body.innerHTML = '<p>nothing here</p>';
    expect(pickAdapter(known, new URL('https://support.acme.fr/'), document)).toBeUndefined();
  });

  it('registers each adapter once, with a fingerprint that is a valid selector', () => {
    const ids = adapters.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const adapter of adapters) expect(() => document.querySelector(adapter.fingerprint)).not.toThrow();
  });
});

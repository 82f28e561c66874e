import { describe, expect, it } from 'vitest';
import { placeOf } from '../audit/place';
import { adapters } from '.';
import { pageRef } from './page-ref';

const adapter = (id: string) => {
  const found = adapters.find((one) => one.id === id);
  if (!found) throw new Error(id);
  return found;
};
const ref = (id: string, url: string) => pageRef(adapter(id), new URL(url));

describe('the page a profile was seen on', () => {
  it('names helpdesk and CRM records with their number', () => {
    expect(ref('zendesk', 'https://acme.zendesk.com/agent/tickets/4821')).toBe('ticket:4821');
    expect(ref('freshdesk', 'https://acme.freshdesk.com/a/tickets/77?x=1')).toBe('ticket:77');
    expect(ref('zammad', 'https://help.acme.fr/#ticket/zoom/12')).toBe('ticket:12');
    expect(ref('helpscout', 'https://secure.helpscout.net/conversation/1234/567')).toBe('conversation:567');
    expect(ref('hubspot', 'https://app.hubspot.com/contacts/123/record/0-1/456')).toBe('contact:456');
    expect(ref('salesforce', 'https://acme.lightning.force.com/lightning/r/Case/5003000000D8cuIAAR/view')).toBe('case');
  });

  it('never takes a number from a softphone or a mailbox, and nothing from pages that are not a customer’s', () => {
    expect(ref('ringover', 'https://app.ringover.com/call/33612345678')).toBe('call');
    expect(ref('gmail', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMLqwvBWbBWJxjZfRDxkKkpz')).toBe('message');
    expect(ref('zendesk', 'https://acme.zendesk.com/agent/dashboard')).toBeUndefined();
  });

  it('reads back as a product and its page', () => {
    expect(placeOf({ where: 'acme.zendesk.com', adapter: 'zendesk', page: 'ticket:4821' })).toEqual({
      kind: 'product',
      product: 'Zendesk Agent Workspace',
      host: 'acme.zendesk.com',
      page: { kind: 'ticket', ref: '4821' },
    });
    expect(placeOf({ where: 'side panel' })).toEqual({ kind: 'own', page: 'side panel' });
    expect(placeOf({ where: 'shop.example', adapter: 'unknown' })).toEqual({ kind: 'site', host: 'shop.example' });
  });
});

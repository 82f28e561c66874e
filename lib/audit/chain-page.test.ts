import { describe, expect, it } from 'vitest';
import { type AuditEntry, chainEntry, hashEntry, verifyChain } from './chain';

const facts = {
  at: '2026-11-05T10:00:00.000Z',
  user: 'usr_lea',
  action: 'view',
  customerId: 'claire',
  where: 'acme.zendesk.com',
  adapter: 'zendesk',
  foundBy: 'email',
} as const;

describe('the page in an audit entry', () => {
  it('leaves entries without a page hashed as before, and seals the page of those with one', async () => {
    const without = await chainEntry(facts, 'dev', undefined);
    const { hash: _hash, ...rest } = without;
    // The fields in their fixed order, nothing appended: what every earlier entry was hashed over.
    const fields = [
      'dev',
      1,
      facts.at,
      'usr_lea',
      'view',
      'claire',
      'acme.zendesk.com',
      'zendesk',
      'email',
      '',
      rest.prev,
    ];
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(fields)));
    expect(without.hash).toBe(Buffer.from(digest).toString('hex'));

    const withPage = await chainEntry({ ...facts, page: 'ticket:4821' }, 'dev', undefined);
    expect(withPage.hash).not.toBe(without.hash);
    expect(await verifyChain([withPage])).toEqual({ ok: true, entries: 1 });
    const moved: AuditEntry = { ...withPage, page: 'ticket:4822' };
    expect(await verifyChain([moved])).toMatchObject({ ok: false, problem: 'content altered' });
    expect(await hashEntry({ ...rest })).toBe(without.hash);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unlockedDb } from '../../tests/unlocked-db';
import { meItem } from '../feed/me';
import type { Customer } from '../feed/schema';
import { siteRulesItem } from '../sites/rules';
import { adapterHealthItem } from '../sites/site-state';
import type { ReconnuDb } from '../store/db';
import { applyPage } from '../store/write';
import { recentCallersItem } from './callers';
import { createPanelHub } from './panel-ports';
import { createRouter } from './router';

const claire: Customer = {
  id: 'cus_1',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: 'Martin' },
  emails: ['claire@example.fr'],
};

let db: ReconnuDb;
let route: ReturnType<typeof createRouter>;
const id = fakeBrowser.runtime.id;
const page = { id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
const content = (tab: number) => ({ id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: tab } });
const identifiers = { emails: ['claire@example.fr'], phones: [], orders: [] };

beforeEach(async () => {
  db = await unlockedDb('router');
  await applyPage(db, { changes: [claire], quarantined: [], cursor: 'c', syncedAt: '2026-01-01T00:00:00Z' });
  route = createRouter({ db, hub: createPanelHub(), syncNow: async () => ({ ok: true, applied: 0 }) });
});
afterEach(async () => {
  await db.delete();
});

describe('router', () => {
  it('answers extension pages', async () => {
    expect(await route({ type: 'getCustomer', id: 'cus_1' }, page as never)).toMatchObject({
      ok: true,
      data: { id: 'cus_1' },
    });
  });

  it('tells a content script only whether it recognized someone, never who', async () => {
    const reply = await route({ type: 'recognize', identifiers, host: 'acme.zendesk.com' }, content(4) as never);
    expect(reply).toEqual({ ok: true, data: { status: 'matched' } });
  });

  it("never takes the signed-in user's own email for a customer's", async () => {
    await meItem.setValue({ id: 'u1', name: 'Claire Martin', email: 'Claire@Example.fr', role: 'agent' });
    const reply = await route({ type: 'recognize', identifiers, host: 'acme.zendesk.com' }, content(4) as never);
    expect(reply).toEqual({ ok: true, data: { status: 'unknown' } });
  });

  it('gives a content script its site rule and panel state, keyed by its real host, and records adapter health', async () => {
    await siteRulesItem.setValue([{ host: 'acme.zendesk.com', customer: { emails: '.mail' } }]);
    await route({ type: 'setPanelOpen', open: false }, content(4) as never);
    expect(await route({ type: 'siteConfig' }, content(4) as never)).toEqual({
      ok: true,
      data: { rule: { host: 'acme.zendesk.com', customer: { emails: '.mail' } }, open: false, locale: 'en' },
    });
    const health = { type: 'adapterHealth', adapter: 'zendesk', problem: 'fields', page: '/agent/tickets/1' };
    await route(health, content(4) as never);
    expect(await adapterHealthItem.getValue()).toMatchObject({
      zendesk: { host: 'acme.zendesk.com', problem: 'fields', page: '/agent/tickets/1', count: 1 },
    });
  });

  it('keeps recent callers for the side panel when a softphone shows a ringing number', async () => {
    const call = { emails: [], phones: ['01 45 67 89 10'], orders: [] };
    await db.delete();
    db = await unlockedDb('router');
    await applyPage(db, {
      changes: [{ ...claire, phones: ['+33 1 45 67 89 10'] }],
      quarantined: [],
      cursor: 'c',
      syncedAt: '2026-01-01T00:00:00Z',
    });
    route = createRouter({ db, hub: createPanelHub(), syncNow: async () => ({ ok: true, applied: 0 }) });
    await route(
      { type: 'recognize', identifiers: call, host: 'workspace.aircall.io', call: true },
      content(5) as never,
    );
    await route({ type: 'recognize', identifiers: identifiers, host: 'acme.zendesk.com' }, content(4) as never);
    expect(await recentCallersItem.getValue()).toEqual([
      {
        number: '01 45 67 89 10',
        at: expect.any(String),
        status: 'matched',
        customerId: 'cus_1',
        name: 'Claire Martin',
      },
    ]);
  });

  it('refuses page-only requests from content scripts, and anything from strangers', async () => {
    expect(await route({ type: 'getCustomer', id: 'cus_1' }, content(4) as never)).toEqual({
      ok: false,
      error: 'Invalid request.',
    });
    const web = { url: 'https://evil.example/', tab: { id: 9 } };
    expect(await route({ type: 'getCustomer', id: 'cus_1' }, web as never)).toEqual({
      ok: false,
      error: 'Unknown sender.',
    });
    const otherExtension = { ...page, id: 'another-extension-id' };
    expect((await route({ type: 'syncNow' }, otherExtension as never)).ok).toBe(false);
  });

  it('rejects malformed or oversized messages', async () => {
    for (const message of [null, 'getCustomer', { type: 'getCustomer' }, { type: 'search', query: 'x'.repeat(500) }]) {
      expect((await route(message, page as never)).ok).toBe(false);
    }
    const flood = { type: 'recognize', identifiers: { ...identifiers, emails: Array(50).fill('a@b.fr') }, host: 'x' };
    expect((await route(flood, content(4) as never)).ok).toBe(false);
  });

  it('rate-limits lookups per tab so a page cannot enumerate customers', async () => {
    const replies = [];
    for (let i = 0; i < 35; i++) {
      const probe = { type: 'recognize', identifiers: { ...identifiers, emails: [`guess${i}@example.fr`] }, host: 'x' };
      replies.push(await route(probe, content(7) as never));
    }
    expect(replies.filter((reply) => !reply.ok).map((reply) => !reply.ok && reply.error)).toEqual(
      Array(5).fill('Too many lookups from this tab.'),
    );
    expect((await route({ type: 'recognize', identifiers, host: 'x' }, content(8) as never)).ok).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTestRouter } from '../../tests/test-router';
import { unlockedDb } from '../../tests/unlocked-db';
import { AuditDb, createAuditLog } from '../audit/log';
import { openReason } from '../audit/reasons';
import type { createViewRecorder } from '../audit/recorder';
import { meItem } from '../feed/me';
import type { Customer } from '../feed/schema';
import { siteRulesItem } from '../sites/rules';
import { adapterHealthItem } from '../sites/site-state';
import { applyPage, type ReconnuDb } from '../store';
import { recentCallersItem } from './callers';
import type { createPanelHub } from './panel-ports';
import type { createRouter } from './router';

const claire: Customer = {
  id: 'cus_1',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: 'Martin' },
  emails: ['claire@example.fr'],
};

let db: ReconnuDb;
let auditDb: AuditDb;
let hub: ReturnType<typeof createPanelHub>;
let route: ReturnType<typeof createRouter>;
let record: ReturnType<typeof createViewRecorder>;
let signedOut = 0;

function makeRouter(log?: ReturnType<typeof createAuditLog>) {
  const made = createTestRouter({ db, auditDb, log, onSignOut: () => void signedOut++ });
  ({ hub, record } = made);
  return made.route;
}
const id = fakeBrowser.runtime.id;
const page = { id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
const content = (tab: number) => ({ id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: tab } });
const sighting = (kind: 'email' | 'phone', value: string) => ({ kind, value, cues: [] });
const sightings = [sighting('email', 'claire@example.fr')];
/** What the tab's panel shows once the background has looked its page up (it answers the page before that). */
const shownIn = (tab: number) =>
  vi.waitFor(() => {
    const state = hub.current(tab);
    if (!state) throw new Error('not yet');
    return state;
  });

beforeEach(async () => {
  db = await unlockedDb('router');
  auditDb = new AuditDb(`router-audit-${Math.random()}`);
  await applyPage(db, { changes: [claire], quarantined: [], cursor: 'c', syncedAt: '2026-01-01T00:00:00Z' });
  route = makeRouter();
});
afterEach(async () => {
  await route.settled();
  await record.settled();
  await db.delete();
  await auditDb.delete();
});

describe('router', () => {
  it('answers extension pages', async () => {
    expect(await route({ type: 'getCustomer', id: 'cus_1' }, page as never)).toMatchObject({
      ok: true,
      data: { customer: { id: 'cus_1' }, privacy: { masked: true } },
    });
  });

  it('tells a content script nothing of what it recognized: the answer comes before the lookup', async () => {
    const reply = await route({ type: 'recognize', sightings, host: 'acme.zendesk.com' }, content(4) as never);
    expect(reply).toEqual({ ok: true, data: null });
    expect(hub.current(4)).toBeUndefined();
    expect(await shownIn(4)).toMatchObject({ status: 'matched', customer: { id: 'cus_1' } });
  });

  it("never takes the signed-in user's own email for a customer's", async () => {
    await meItem.setValue({ id: 'u1', name: 'Claire Martin', email: 'Claire@Example.fr', role: 'agent' });
    await route({ type: 'recognize', sightings, host: 'acme.zendesk.com' }, content(4) as never);
    expect(await shownIn(4)).toEqual({ status: 'unknown' });
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

  it('keeps recent callers for the side panel, their numbers masked as profiles are for the role', async () => {
    const call = [sighting('phone', '01 45 67 89 10')];
    await db.delete();
    db = await unlockedDb('router');
    await applyPage(db, {
      changes: [{ ...claire, phones: ['+33 1 45 67 89 10'] }],
      quarantined: [],
      cursor: 'c',
      syncedAt: '2026-01-01T00:00:00Z',
    });
    route = makeRouter();
    const ring = () =>
      route({ type: 'recognize', sightings: call, host: 'workspace.aircall.io', call: true }, content(5) as never);
    await meItem.setValue({ id: 'u1', name: 'Hugo', email: 'hugo@shop.example', role: 'store' });
    await ring();
    await route({ type: 'recognize', sightings, host: 'acme.zendesk.com' }, content(4) as never);
    await vi.waitFor(async () => expect(await recentCallersItem.getValue()).toHaveLength(1));
    const caller = { at: expect.any(String), status: 'matched', customerId: 'cus_1', name: 'Claire Martin' };
    expect(await recentCallersItem.getValue()).toEqual([{ ...caller, number: '+33 1 •• •• •• 10' }]);
    await meItem.setValue({ id: 'u2', name: 'Léa', email: 'lea@shop.example', role: 'agent' });
    await ring();
    await vi.waitFor(async () => expect(await recentCallersItem.getValue()).toHaveLength(2));
    expect((await recentCallersItem.getValue()).map(({ number }) => number)).toEqual([
      '01 45 67 89 10',
      '+33 1 •• •• •• 10',
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
    const flood = { type: 'recognize', sightings: Array(61).fill(sighting('email', 'a@b.fr')), host: 'x' };
    expect((await route(flood, content(4) as never)).ok).toBe(false);
  });

  it('rate-limits lookups per tab so a page cannot enumerate customers', async () => {
    const replies = [];
    for (let i = 0; i < 35; i++) {
      const probe = { type: 'recognize', sightings: [sighting('email', `guess${i}@example.fr`)], host: 'x' };
      replies.push(await route(probe, content(7) as never));
    }
    expect(replies.filter((reply) => !reply.ok).map((reply) => !reply.ok && reply.error)).toEqual(
      Array(5).fill('Too many lookups from this tab.'),
    );
    expect((await route({ type: 'recognize', sightings, host: 'x' }, content(8) as never)).ok).toBe(true);
  });

  it('masks contacts for store staff, reveals them for a reason, and audits both', async () => {
    await meItem.setValue({ id: 'usr_hugo', name: 'Hugo', email: 'hugo@shop.example', role: 'store' });
    const seen: unknown[] = [];
    // The content script docks its panel first, then reads the page.
    const key = crypto.randomUUID();
    expect(await route({ type: 'panelKey', key }, content(4) as never)).toEqual({ ok: true, data: null });
    await route({ type: 'recognize', sightings, host: 'acme.zendesk.com', adapter: 'zendesk' }, content(4) as never);
    await shownIn(4);
    hub.connect({
      name: `reconnu-panel/${key}`,
      sender: { id, url: fakeBrowser.runtime.getURL('/panel.html'), tab: { id: 4 }, frameId: 3 },
      postMessage: (state: unknown) => seen.push(state),
      onDisconnect: { addListener() {} },
      disconnect() {},
    } as never);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ status: 'matched', customer: { emails: ['c•••@example.fr'] } });
    expect(JSON.stringify(seen)).not.toContain('claire@example.fr');

    const tooShort = await route({ type: 'reveal', id: 'cus_1', reason: ' ' }, page as never);
    expect(tooShort.ok).toBe(false);
    const reveal = await route({ type: 'reveal', id: 'cus_1', reason: 'Customer asked for a receipt' }, page as never);
    expect(reveal).toEqual({ ok: true, data: { emails: ['claire@example.fr'] } });

    const stored = await auditDb.entries.orderBy('seq').toArray();
    expect(JSON.stringify(stored)).not.toContain('receipt'); // the reason is sealed at rest
    const entries = await Promise.all(stored.map((entry) => openReason(entry, () => db.dataKey)));
    expect(
      entries.map(({ user, action, customerId, where, adapter, foundBy, reason }) => ({
        user,
        action,
        customerId,
        where,
        adapter,
        foundBy,
        reason,
      })),
    ).toEqual([
      {
        user: 'usr_hugo',
        action: 'view',
        customerId: 'cus_1',
        where: 'acme.zendesk.com',
        adapter: 'zendesk',
        foundBy: 'email',
        reason: undefined,
      },
      {
        user: 'usr_hugo',
        action: 'reveal',
        customerId: 'cus_1',
        where: 'side panel',
        adapter: undefined,
        foundBy: 'reveal',
        reason: 'Customer asked for a receipt',
      },
    ]);
    expect(entries[1]?.prev).toBe(entries[0]?.hash);
  });

  it('counts a profile shown again at the same place within minutes as one view', async () => {
    await meItem.setValue({ id: 'usr_lea', name: 'Léa', email: 'lea@shop.example', role: 'agent' });
    for (let i = 0; i < 3; i++) await route({ type: 'getCustomer', id: 'cus_1' }, page as never);
    await route({ type: 'getCustomer', id: 'cus_1', how: 'card' }, {
      ...page,
      url: page.url.replace('sidepanel', 'popup'),
    } as never);
    await record.settled();
    expect((await auditDb.entries.toArray()).map((entry) => [entry.where, entry.foundBy])).toEqual([
      ['side panel', 'search'],
      ['popup', 'card'],
    ]);
  });

  it('answers a profile without waiting for its audit, which is written right after, retried if it fails', async () => {
    const log = createAuditLog(auditDb, { reasonKey: () => db.dataKey });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let failures = 1;
    const appendAll: typeof log.appendAll = async (facts) => {
      await held;
      if (failures-- > 0) throw new Error('transient');
      return log.appendAll(facts);
    };
    route = makeRouter({ ...log, appendAll });
    expect(await route({ type: 'getCustomer', id: 'cus_1' }, page as never)).toMatchObject({ ok: true });
    expect(await auditDb.entries.count()).toBe(0);
    release();
    await record.settled();
    expect((await auditDb.entries.toArray()).map((entry) => entry.customerId)).toEqual(['cus_1']);
  });

  it('shows the audit to supervisors only', async () => {
    await meItem.setValue({ id: 'usr_lea', name: 'Léa', email: 'lea@shop.example', role: 'agent' });
    expect(await route({ type: 'localAudit' }, page as never)).toEqual({
      ok: false,
      error: 'Only supervisors can see the audit.',
    });
    await meItem.setValue({ id: 'usr_camille', name: 'Camille', email: 'c@shop.example', role: 'supervisor' });
    await route({ type: 'getCustomer', id: 'cus_1' }, page as never);
    expect(await route({ type: 'localAudit' }, page as never)).toMatchObject({
      ok: true,
      data: { entries: [{ customerId: 'cus_1', user: 'usr_camille' }], chain: { ok: true, entries: 1 } },
    });
  });

  it('signs out only on request of an extension page', async () => {
    expect((await route({ type: 'signOut' }, content(4) as never)).ok).toBe(false);
    expect(await route({ type: 'signOut' }, page as never)).toEqual({ ok: true, data: null });
    expect(signedOut).toBe(1);
  });

  it('stands the overlay down on sites the administrator does not allow', async () => {
    await fakeBrowser.storage.managed.set({ allowedSites: ['https://*.freshdesk.com/*'] });
    expect(await route({ type: 'siteConfig' }, content(4) as never)).toEqual({ ok: true, data: { blocked: true } });
    const reply = await route({ type: 'recognize', sightings, host: 'acme.zendesk.com' }, content(4) as never);
    expect(reply).toEqual({ ok: false, error: 'Not allowed on this site.' });
    await fakeBrowser.storage.managed.clear();
  });

  it('also limits lookups per site, so opening many tabs does not multiply the allowance', async () => {
    const replies = [];
    for (let i = 0; i < 70; i++) {
      const probe = { type: 'recognize', sightings: [sighting('email', `tab${i}@example.fr`)], host: 'x' };
      replies.push(await route(probe, content(100 + i) as never));
    }
    expect(replies.filter((reply) => !reply.ok).map((reply) => !reply.ok && reply.error)).toEqual(
      Array(10).fill('Too many lookups from this site.'),
    );
  });
});

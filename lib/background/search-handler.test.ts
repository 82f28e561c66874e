import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeedServer } from '../../scripts/feed-server/server';
import { unlockedDb } from '../../tests/unlocked-db';
import { verifyChain } from '../audit/chain';
import { AuditDb, createAuditLog } from '../audit/log';
import { createViewRecorder } from '../audit/recorder';
import { uploadAudit } from '../audit/upload';
import { setMe } from '../feed/me';
import type { Customer, Me } from '../feed/schema';
import { applyPage, type ReconnuDb } from '../store';
import { createSearchHandler, SEARCH_LIMIT, TOO_MANY_SEARCHES } from './search-handler';

const claire: Customer = {
  id: 'cus_1',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: 'Martin' },
  emails: ['claire.martin@example.fr'],
  phones: ['06 12 34 56 78'],
  addresses: [{ city: 'Lyon' }],
};
const user = (role: Me['role']): Me => ({ id: `usr_${role}`, name: role, email: `${role}@shop.example`, role });

let db: ReconnuDb;
let auditDb: AuditDb;
let log: ReturnType<typeof createAuditLog>;
let record: ReturnType<typeof createViewRecorder>;
let clock: number;
let search: ReturnType<typeof createSearchHandler>;

beforeEach(async () => {
  db = await unlockedDb('search-handler');
  await applyPage(db, { changes: [claire], quarantined: [], cursor: 'c', syncedAt: '2026-01-01T00:00:00Z' });
  auditDb = new AuditDb(`search-audit-${Math.random()}`);
  log = createAuditLog(auditDb, { reasonKey: () => db.dataKey });
  record = createViewRecorder(log, async () => undefined);
  clock = Date.parse('2026-05-01T10:00:00Z');
  search = createSearchHandler({ db, record, now: () => clock });
});
afterEach(async () => {
  await record.settled();
  await db.delete();
  await auditDb.delete();
});

const audited = async () => {
  await record.settled();
  return auditDb.entries.orderBy('seq').toArray();
};

describe('search handler', () => {
  it("masks a store user's hints and finds nobody by part of a phone; the full number finds the customer", async () => {
    await setMe(user('store'));
    expect(await search('Claire Martin', 'side panel')).toEqual([
      { id: 'cus_1', name: 'Claire Martin', hint: 'Lyon · c•••@example.fr' },
    ]);
    expect(await search('5678', 'side panel')).toEqual([]);
    expect(await search('claire.martin@', 'popup')).toEqual([]);
    expect((await search('06 12 34 56 78', 'side panel')).map(({ id }) => id)).toEqual(['cus_1']);
  });

  it('gives agents full hints and partial contact searches, as before', async () => {
    await setMe(user('agent'));
    expect(await search('5678', 'side panel')).toEqual([
      { id: 'cus_1', name: 'Claire Martin', hint: 'Lyon · claire.martin@example.fr' },
    ]);
    expect((await search('claire.mar', 'side panel')).map(({ id }) => id)).toEqual(['cus_1']);
  });

  it('audits each search with who, where and the kind of key, never the key; the feed accepts them, chained', async () => {
    await setMe(user('store'));
    for (const query of ['5678', '06 12 34 56 78', 'claire.martin@example.fr', 'Claire Martin']) {
      await search(query, 'side panel');
    }
    await search('5678', 'side panel'); // searches are never merged: their number is what shows a trawl
    const entries = await audited();
    expect(
      entries.map(({ action, user, where, foundBy, customerId }) => ({ action, user, where, foundBy, customerId })),
    ).toEqual(
      ['partial phone', 'phone', 'email', 'name', 'partial phone'].map((kind) => ({
        action: 'search',
        user: 'usr_store',
        where: 'side panel',
        foundBy: kind,
        customerId: undefined,
      })),
    );
    const text = JSON.stringify(entries);
    for (const key of ['5678', '12 34', '612345678', 'claire.martin', 'Claire', 'Martin'])
      expect(text).not.toContain(key);
    expect(await verifyChain(entries)).toEqual({ ok: true, entries: 5 });

    // The feed's agent token signs in as the user who searched: the audit goes only under its owner's token.
    const feed = await startFeedServer({
      customers: 1,
      seed: 'search-audit',
      token: 'audit-token',
      agent: user('store'),
    });
    try {
      expect(await uploadAudit(log, { feedUrl: feed.url, token: 'audit-token' })).toEqual({ ok: true, sent: 5 });
      expect(feed.control.auditEntries()).toMatchObject([
        { action: 'search', foundBy: 'partial phone' },
        {},
        {},
        {},
        {},
      ]);
    } finally {
      await feed.close();
    }
  });

  it('limits searches per user and page, with a clear error, and allows them again once the window has passed', async () => {
    await setMe(user('store'));
    for (let n = 0; n < SEARCH_LIMIT.searches; n++) await search(`Claire ${n}`, 'side panel');
    await expect(search('Claire', 'side panel')).rejects.toThrow(TOO_MANY_SEARCHES);
    expect(await search('Claire Martin', 'popup')).toHaveLength(1); // another page has its own allowance
    await setMe(user('agent'));
    expect(await search('Claire Martin', 'side panel')).toHaveLength(1); // and so does another user
    await setMe(user('store'));
    clock += SEARCH_LIMIT.windowMs + 1;
    expect(await search('Claire Martin', 'side panel')).toHaveLength(1);
    // A refused search searched nothing: only the ones made are audited.
    expect((await audited()).filter(({ action }) => action === 'search')).toHaveLength(SEARCH_LIMIT.searches + 3);
  });
});

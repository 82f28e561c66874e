import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPolicy } from '../../scripts/feed-server/policy';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { unlockedDb } from '../../tests/unlocked-db';
import type { AuditFacts } from '../audit/chain';
import { AuditDb, createAuditLog } from '../audit/log';
import { meItem } from '../feed/me';
import { policyItem, policyStatusItem } from '../policy/refresh';
import { defaultSettings, settingsItem } from '../settings';
import type { ReconnuDb } from '../store';
import { createPanelHub } from './panel-ports';
import { createSignOut } from './sign-out';

const reveal = (customerId: string): AuditFacts => ({
  at: '2026-11-26T10:00:00.000Z',
  user: 'usr_lea',
  action: 'reveal',
  customerId,
  where: 'side panel',
  foundBy: 'reveal',
  reason: 'Asked for a receipt',
});

let db: ReconnuDb;
let auditDb: AuditDb;
let feed: FeedServer;

beforeEach(async () => {
  db = await unlockedDb('sign-out');
  auditDb = new AuditDb(`sign-out-audit-${Math.random()}`);
  feed = await startFeedServer({ customers: 0, seed: 'sign-out' });
  await meItem.setValue({ id: 'usr_lea', name: 'Léa Martin', email: 'lea@example.org', role: 'agent' });
  await policyItem.setValue({
    policy: demoPolicy(),
    issuedAt: '2026-11-01T00:00:00.000Z',
    verifiedAt: '2026-11-01T00:00:00.000Z',
  });
  await policyStatusItem.setValue({ checkedAt: '2026-11-02T00:00:00.000Z', notice: null, error: null });
});
afterEach(async () => {
  await Promise.all([db.delete(), auditDb.delete(), feed.close()]);
});

async function signOutFrom(feedUrl: string) {
  await settingsItem.setValue({ ...defaultSettings, feedUrl, token: feed.token });
  const audit = createAuditLog(auditDb, { reasonKey: () => db.dataKey });
  await audit.append(reveal('cus_1'));
  const signOut = createSignOut({ db, hub: createPanelHub(), audit, stopSync: async () => undefined });
  await signOut();
  return audit;
}

describe('sign-out', () => {
  it('sends the audit, then erases the acknowledged entries, and forgets the policy and who the user was', async () => {
    await signOutFrom(feed.url);
    expect(feed.control.auditEntries()).toHaveLength(1);
    expect(await auditDb.entries.count()).toBe(0);
    expect(await auditDb.held.count()).toBe(0);
    expect(await policyItem.getValue()).toBeNull();
    expect(await policyStatusItem.getValue()).toBeNull();
    expect(await meItem.getValue()).toBeNull();
    expect((await settingsItem.getValue()).token).toBe('');
  });

  it('holds what the feed did not acknowledge for its owner, reason still sealed, and starts a new chain', async () => {
    const audit = await signOutFrom('http://127.0.0.1:9');
    expect(await auditDb.entries.count()).toBe(0);
    const held = await auditDb.held.toArray();
    expect(held).toMatchObject([{ user: 'usr_lea', customerId: 'cus_1', action: 'reveal' }]);
    expect(JSON.stringify(held)).not.toContain('receipt');
    const { reason: _reason, ...view } = reveal('cus_2');
    expect((await audit.append({ ...view, action: 'view', foundBy: 'search' })).seq).toBe(1);
    expect(await policyItem.getValue()).toBeNull();
  });
});

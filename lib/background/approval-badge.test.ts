import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unlockedDb } from '../../tests/unlocked-db';
import { meItem } from '../feed/me';
import type { GestureRecord } from '../policy/schema';
import type { ReconnuDb } from '../store/db';
import { applyPage } from '../store/write';
import { approvalNotificationsItem, badgeText } from '../supervisor/approval-alerts';
import { createApprovalBadge } from './approval-badge';

const request = (id: string): GestureRecord => ({
  id,
  customerId: 'cus_claire',
  agentId: 'usr_lea',
  agentName: 'Léa Martin',
  gesture: 'goodwill',
  size: 4500,
  currency: 'EUR',
  reason: 'Third late delivery',
  channel: 'phone',
  status: 'pending',
  at: '2026-11-05T10:00:00Z',
});

let db: ReconnuDb;
function stubBrowser() {
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockImplementation(async () => undefined);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
  return {
    badge: vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async () => undefined),
    notify: vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(async () => ''),
  };
}
let badge: ReturnType<typeof stubBrowser>['badge'];
let notify: ReturnType<typeof stubBrowser>['notify'];

beforeEach(async () => {
  fakeBrowser.reset();
  db = await unlockedDb('approvals');
  const claire = {
    id: 'cus_claire',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    name: { given: 'Claire', family: 'Dupont' },
  };
  await applyPage(db, { changes: [claire], quarantined: [], cursor: 'c', syncedAt: '2026-01-01T00:00:00Z' });
  ({ badge, notify } = stubBrowser());
  await meItem.setValue({ id: 'usr_camille', name: 'Camille Roux', email: 'camille@example.org', role: 'supervisor' });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('the approvals badge', () => {
  it('counts what waits, and clears when nothing does', async () => {
    const approvals = createApprovalBadge({ db });
    await approvals.show([request('g1'), request('g2')]);
    expect(badge).toHaveBeenLastCalledWith({ text: '2' });
    await approvals.show([]);
    expect(badge).toHaveBeenLastCalledWith({ text: '' });
    expect(badgeText(120)).toBe('99+');
  });

  it('announces each new request once, in one line, only to a supervisor who opted in', async () => {
    const approvals = createApprovalBadge({ db });
    await approvals.show([request('g1')]);
    expect(notify).not.toHaveBeenCalled(); // not opted in: remembered as announced all the same
    await approvalNotificationsItem.setValue(true);
    await approvals.show([request('g1'), request('g2')]);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith(
      'approval-g2',
      expect.objectContaining({
        title: 'A request waits for your approval',
        message: 'Léa Martin asks €45.00 (Goodwill credit) for Claire Dupont',
      }),
    );
    await approvals.show([request('g1'), request('g2')]);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('shows no count to an agent', async () => {
    await meItem.setValue({ id: 'usr_lea', name: 'Léa Martin', email: 'lea@example.org', role: 'agent' });
    await createApprovalBadge({ db }).refresh();
    expect(badge).toHaveBeenLastCalledWith({ text: '' });
  });
});

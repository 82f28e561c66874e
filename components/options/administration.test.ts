import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/feed/schema';
import { initialSyncStatus } from '@/lib/sync/status';
import { isDisconnected } from '../SyncStatusView';
import { showsAdministration } from './useOptionsContext';

const person = (role: Me['role']): Me => ({ id: 'u1', name: 'Léa Martin', email: 'lea@example.org', role });

describe('the options page', () => {
  it('hides the administration from store staff and agents only when an administrator manages the extension', () => {
    const managed = { feedUrl: 'https://hub.example.com' };
    expect(showsAdministration({ me: person('agent'), managed })).toBe(false);
    expect(showsAdministration({ me: person('store'), managed })).toBe(false);
    expect(showsAdministration({ me: person('supervisor'), managed })).toBe(true);
    expect(showsAdministration({ me: person('admin'), managed })).toBe(true);
    // Unmanaged, whoever installed the extension sets it up themselves.
    expect(showsAdministration({ me: person('agent'), managed: {} })).toBe(true);
    expect(showsAdministration({ me: person('store'), managed: {} })).toBe(true);
  });

  it('never takes "nothing configured" for "up to date", even in a status saved before that state existed', () => {
    expect(isDisconnected(initialSyncStatus)).toBe(true);
    expect(isDisconnected({ ...initialSyncStatus, state: 'idle', notice: { code: 'noFeed' } })).toBe(true);
    expect(isDisconnected({ ...initialSyncStatus, state: 'idle', notice: { code: 'signedOut' } })).toBe(true);
    expect(isDisconnected({ ...initialSyncStatus, state: 'idle', lastSuccessAt: '2026-12-01T10:00:00Z' })).toBe(false);
    expect(isDisconnected({ ...initialSyncStatus, state: 'error', notice: { code: 'http', status: 401 } })).toBe(false);
  });
});

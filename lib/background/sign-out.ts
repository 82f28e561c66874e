import type { AuditLog } from '../audit/log';
import { uploadAudit } from '../audit/upload';
import { withoutCredentials } from '../connectors/settings';
import { forgetAcceptedToken, setMe } from '../feed/me';
import { forgetSites } from '../lookup/site-memory';
import { forgetTeamRegions, shareRegions } from '../lookup/team-regions';
import { policyItem, policyStatusItem } from '../policy/refresh';
import { readSettings, settingsItem } from '../settings';
import { clearLocalStore, type ReconnuDb, readWrappedKey } from '../store';
import { initialSyncStatus, syncStatusItem } from '../sync/status';
import { recentCallersItem } from './callers';
import { tellPagesErased } from './erasure';
import type { PanelHub } from './panel-ports';

interface SignOutDeps {
  db: ReconnuDb;
  hub: PanelHub;
  audit: AuditLog;
  stopSync: () => Promise<void>;
  /** Sends what must reach the feed before the wipe (the gesture outbox). */
  beforeWipe?: () => Promise<unknown>;
  /** Other local caches of customer-related data (gesture history). */
  wipeCaches?: () => Promise<unknown>;
}

/** Every local trace of customers: the store, open panels, recent callers, other caches and every page's cache. */
export function createCustomerWipe({ db, hub, wipeCaches }: Pick<SignOutDeps, 'db' | 'hub' | 'wipeCaches'>) {
  return async function wipeCustomers(): Promise<void> {
    await clearLocalStore(db);
    await wipeCaches?.();
    hub.dropCustomers('all');
    await recentCallersItem.setValue([]);
    await tellPagesErased('all');
  };
}

/**
 * Wipes every local customer record, index entry and key, the recent callers, who the user is and what was known of
 * the team (the policy and its roster, shared regions), and forgets the token (a platform source's credentials too).
 * The view audit is sent first, then its acknowledged entries are erased; entries the feed has not acknowledged
 * (offline) are held for their owner, with the store key their reasons are sealed under wrapped under the owner's
 * feed secret, and go when that user signs in again (log.ts, upload.ts).
 */
export function createSignOut(deps: SignOutDeps) {
  const { audit, stopSync, beforeWipe } = deps;
  const wipeCustomers = createCustomerWipe(deps);
  /** `revoked`: the feed refused the token, so the user did not choose this; the options page says why. */
  return async function signOut(options: { reason?: 'revoked' } = {}): Promise<void> {
    await stopSync();
    const settings = await readSettings();
    if (settings.feedUrl && settings.token) {
      await uploadAudit(audit, settings);
      await shareRegions(settings).catch(() => undefined); // this user's proposals, before they are forgotten
    }
    await beforeWipe?.();
    // Without a feed the local log is the only audit there is: it stays whole.
    if (settings.feedUrl) await audit.closeChain(await readWrappedKey()); // before the wipe erases the wrapped key
    await settingsItem.setValue({ ...settings, token: '', source: withoutCredentials(settings.source) });
    await wipeCustomers();
    await forgetSites();
    await forgetTeamRegions();
    await Promise.all([policyItem.removeValue(), policyStatusItem.removeValue()]);
    await Promise.all([setMe(null), forgetAcceptedToken()]);
    await syncStatusItem.setValue({
      ...initialSyncStatus,
      notice: { code: options.reason ?? 'signedOut' },
      message: 'Signed out.',
    });
  };
}

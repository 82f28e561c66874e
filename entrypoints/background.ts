import { z } from 'zod';
import { AuditDb, createAuditLog } from '@/lib/audit/log';
import { createViewRecorder } from '@/lib/audit/recorder';
import { uploadAudit } from '@/lib/audit/upload';
import { createApprovalBadge } from '@/lib/background/approval-badge';
import { forgetErasedViews } from '@/lib/background/erasure';
import { openOptionsOnInstall } from '@/lib/background/first-run';
import { createPanelHub } from '@/lib/background/panel-ports';
import { createTabRecognition } from '@/lib/background/recognition';
import { createRouter } from '@/lib/background/router';
import { createCustomerWipe, createSignOut } from '@/lib/background/sign-out';
import { togglePanelInTab } from '@/lib/background/toggle-command';
import { deliverOutbox, GesturesDb } from '@/lib/gestures/outbox';
import { shareRegions } from '@/lib/lookup/team-regions';
import type { GestureRecord } from '@/lib/policy/schema';
import { readSettings, settingsItem } from '@/lib/settings';
import { injectIntoOpenTabs, syncContentScriptRegistration } from '@/lib/sites/registration';
import { ReconnuDb } from '@/lib/store';
import { createSyncScheduler } from '@/lib/sync/scheduler';

export default defineBackground(() => {
  z.config({ jitless: true }); // MV3 forbids eval
  // Only the extension's own pages and worker may read its storage: not a content script, which shares a process
  // with the page it runs in. Chromium keeps the setting; it is set at every start in case it was not.
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  openOptionsOnInstall();
  const db = new ReconnuDb();
  const tabs = createTabRecognition(db);
  const hub = createPanelHub({ onNewPage: (tabId) => tabs.forget(tabId) });
  // Reveal reasons are sealed under the store's key: a locked store records no reveal (and reveals nothing).
  const audit = createAuditLog(new AuditDb(), { reasonKey: () => db.dataKey });
  const sendAudit = async () => {
    const settings = await readSettings();
    return settings.feedUrl && settings.token ? uploadAudit(audit, settings) : undefined;
  };
  const record = createViewRecorder(audit, sendAudit);
  const gestures = new GesturesDb();
  // One delivery at a time: the outbox is sent in order, each gesture once acknowledged.
  let delivering: Promise<unknown> = Promise.resolve();
  const sendGestures = () => {
    delivering = delivering
      .then(async () => {
        const settings = await readSettings();
        if (settings.feedUrl && settings.token) await deliverOutbox(gestures, settings);
      })
      .catch(() => undefined);
    return delivering;
  };
  // Proposed and shared page regions: a failing feed is tried again after the next sync run.
  const sendRegions = async () => {
    const settings = await readSettings();
    if (settings.feedUrl && settings.token) await shareRegions(settings).catch(() => undefined);
  };
  const approvals = createApprovalBadge({ db });
  const wipeCaches = () => Promise.all([gestures.known.clear(), approvals.clear()]).then(() => undefined);
  const { syncNow, stop } = createSyncScheduler(db, {
    onErased: (ids) => forgetErasedViews(ids, hub),
    wipeCustomers: createCustomerWipe({ db, hub, wipeCaches }),
    afterRun: () => Promise.all([sendAudit(), sendGestures(), sendRegions(), approvals.refresh()]),
    onRevoked: () => signOut({ reason: 'revoked' }),
  });
  const signOut = createSignOut({
    db,
    hub,
    audit,
    stopSync: stop,
    // Gestures not yet acknowledged stay in the outbox (they were granted); what was learnt of others' goes.
    beforeWipe: () => sendGestures(),
    wipeCaches,
  });
  const deliverGestures = () => void sendGestures();
  const pendingChanged = (pending?: GestureRecord[]) => void (pending ? approvals.show(pending) : approvals.refresh());
  const route = createRouter({
    db,
    hub,
    record,
    audit,
    syncNow,
    signOut,
    gestures,
    deliverGestures,
    pendingChanged,
    tabs,
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, sender).then(sendResponse);
    return true;
  });
  browser.runtime.onConnect.addListener(hub.connect);
  browser.tabs.onRemoved.addListener((tabId) => {
    void hub.forget(tabId);
    tabs.forget(tabId);
  });

  // Creating the alarm again on every wake-up would push its first firing back each time: create it once.
  browser.alarms.get('sync').then((alarm) => {
    if (!alarm) void browser.alarms.create('sync', { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'sync') void syncNow();
  });
  settingsItem.watch(() => void syncNow());

  // The overlay runs only on sites the user turned on (optional host permissions), registered at run time.
  void syncContentScriptRegistration();
  browser.permissions.onAdded.addListener(async ({ origins = [] }) => {
    listenToNotifications();
    await syncContentScriptRegistration();
    await injectIntoOpenTabs(origins);
  });
  browser.permissions.onRemoved.addListener(() => void syncContentScriptRegistration());
  // The notifications API exists only once its optional permission is granted: listened to then too.
  const listenToNotifications = () => {
    const clicked = browser.notifications?.onClicked;
    if (clicked && !clicked.hasListener(approvals.onNotificationClicked))
      clicked.addListener(approvals.onNotificationClicked);
  };
  listenToNotifications();
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel' && tab?.id !== undefined) void togglePanelInTab(tab.id);
  });
  // Back online after an 'Offline' sync: catch up at once (the audit upload follows the sync).
  globalThis.addEventListener('online', () => void syncNow());
  // Every start of the worker (install, browser start, or revival after being killed) resumes from the checkpoint.
  void syncNow();
});

import { z } from 'zod';
import { createPanelHub } from '@/lib/background/panel-ports';
import { createRouter } from '@/lib/background/router';
import { settingsItem } from '@/lib/settings';
import { ReconnuDb } from '@/lib/store/db';
import { createSyncScheduler } from '@/lib/sync/scheduler';

export default defineBackground(() => {
  z.config({ jitless: true }); // MV3 forbids eval
  const db = new ReconnuDb();
  const hub = createPanelHub();
  const syncNow = createSyncScheduler(db);
  const route = createRouter({ db, hub, syncNow });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, sender).then(sendResponse);
    return true;
  });
  browser.runtime.onConnect.addListener(hub.connect);
  browser.tabs.onRemoved.addListener(hub.forget);

  // Creating the alarm again on every wake-up would push its first firing back each time: create it once.
  browser.alarms.get('sync').then((alarm) => {
    if (!alarm) void browser.alarms.create('sync', { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'sync') void syncNow();
  });
  settingsItem.watch(() => void syncNow());
  // Back online after an 'Offline' sync: catch up at once rather than at the next alarm.
  globalThis.addEventListener('online', () => void syncNow());
  // Every start of the worker (install, browser start, or revival after being killed) resumes from the checkpoint.
  void syncNow();
});

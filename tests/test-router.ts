// The router as the service worker builds it, over a test store and audit database: for the router's unit tests.
import { type AuditDb, createAuditLog } from '../lib/audit/log';
import { createViewRecorder } from '../lib/audit/recorder';
import { createPanelHub } from '../lib/background/panel-ports';
import { createTabRecognition } from '../lib/background/recognition';
import { createRouter } from '../lib/background/router';
import { GesturesDb } from '../lib/gestures/outbox';
import type { ReconnuDb } from '../lib/store';

export interface TestRouterOptions {
  db: ReconnuDb;
  auditDb: AuditDb;
  /** The audit log to record views in; by default one over `auditDb`. */
  log?: ReturnType<typeof createAuditLog>;
  onSignOut(): void;
}

export function createTestRouter({ db, auditDb, log, onSignOut }: TestRouterOptions) {
  const audit = log ?? createAuditLog(auditDb, { reasonKey: () => db.dataKey });
  const record = createViewRecorder(audit, async () => undefined);
  const hub = createPanelHub();
  const route = createRouter({
    db,
    hub,
    record,
    audit,
    syncNow: async () => ({ ok: true, applied: 0 }) as const,
    signOut: async () => onSignOut(),
    gestures: new GesturesDb(`gestures-${Math.random()}`),
    deliverGestures: () => undefined,
    tabs: createTabRecognition(db),
    pendingChanged: () => undefined,
  });
  return { route, hub, record };
}

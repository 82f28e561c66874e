import { meItem } from '../feed/me';
import type { AuditFacts } from './chain';
import type { AuditLog } from './log';

/** The same person shown the same customer at the same place within this time is one view (re-renders, refocus). */
const SAME_VIEW_MS = 10 * 60_000;
const UPLOAD_DELAY_MS = 2_000;

export type ViewFacts = Omit<AuditFacts, 'at' | 'user'>;

/**
 * Records profile views and reveals in the audit log and schedules their upload. Views are de-duplicated per
 * place and customer; reveals never are (each has its own reason).
 */
export function createViewRecorder(log: AuditLog, upload: () => Promise<unknown>, now = () => Date.now()) {
  const lastSeen = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function scheduleUpload(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void upload(), UPLOAD_DELAY_MS);
  }

  return async function record(facts: ViewFacts): Promise<void> {
    const me = await meItem.getValue();
    const user = me?.id ?? 'unknown';
    const key = [user, facts.where, facts.customerId].join('\u0001');
    const at = now();
    if (facts.action === 'view') {
      const previous = lastSeen.get(key);
      if (previous !== undefined && at - previous < SAME_VIEW_MS) return;
      lastSeen.set(key, at);
    }
    await log.append({ ...facts, user, at: new Date(at).toISOString() });
    scheduleUpload();
  };
}

export type ViewRecorder = ReturnType<typeof createViewRecorder>;

import { currentMe } from '../feed/me';
import type { AuditFacts } from './chain';
import type { AuditLog } from './log';

/** The same person shown the same customer at the same place within this time is one view (re-renders, refocus). */
const SAME_VIEW_MS = 10 * 60_000;
const UPLOAD_DELAY_MS = 2_000;
/** A failed append is tried again: a shown profile must end up in the log. */
const ATTEMPTS = 3;

export type ViewFacts = Omit<AuditFacts, 'at' | 'user'>;

/**
 * Records profile views and reveals in the audit log and schedules their upload. Views are de-duplicated per
 * place and customer; reveals never are (each has its own reason). Records are written one after another, in the
 * order asked; settled() resolves once every record asked so far is written (or has failed), so a caller may reply
 * first and audit right after, and readers of the log may wait for what was asked before them.
 */
export function createViewRecorder(log: AuditLog, upload: () => Promise<unknown>, now = () => Date.now()) {
  const lastSeen = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  function scheduleUpload(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void upload(), UPLOAD_DELAY_MS);
  }

  async function write(facts: ViewFacts, at: number): Promise<void> {
    const me = await currentMe();
    const user = me?.id ?? 'unknown';
    const key = [user, facts.where, facts.customerId].join('\u0001');
    if (facts.action === 'view') {
      const previous = lastSeen.get(key);
      if (previous !== undefined && at - previous < SAME_VIEW_MS) return;
      lastSeen.set(key, at);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await log.append({ ...facts, user, at: new Date(at).toISOString() });
        break;
      } catch (error) {
        if (attempt < ATTEMPTS) continue;
        lastSeen.delete(key); // not recorded: the next view of it must be
        throw error;
      }
    }
    scheduleUpload();
  }

  function record(facts: ViewFacts): Promise<void> {
    const at = now();
    const written = queue.then(() => write(facts, at));
    queue = written.catch(() => undefined);
    return written;
  }

  return Object.assign(record, { settled: () => queue.then(() => undefined) });
}

export type ViewRecorder = ReturnType<typeof createViewRecorder>;

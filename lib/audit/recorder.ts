import { currentMe } from '../feed/me';
import type { AuditFacts } from './chain';
import type { AuditLog } from './log';

/** The same person shown the same customer at the same place within this time is one view (re-renders, refocus). */
const SAME_VIEW_MS = 10 * 60_000;
const UPLOAD_DELAY_MS = 2_000;
/** A failed append is tried again: a shown profile must end up in the log. */
const ATTEMPTS = 3;
/**
 * Views shown within this time are written together, one transaction for all: the audit database shares the
 * browser's IndexedDB work with the store, so writing each view at once slows the lookups that follow it.
 */
const BATCH_MS = 50;

export type ViewFacts = Omit<AuditFacts, 'at' | 'user'>;

interface Asked {
  facts: ViewFacts;
  at: number;
  done: (error?: Error) => void;
}

/**
 * Records profile views, reveals and searches in the audit log and schedules their upload. Views are de-duplicated
 * per place and customer; reveals never are (each has its own reason), nor are searches (how many were made is what
 * tells a look-up from a trawl). Records are written in the order asked: views and searches within BATCH_MS of the
 * first unwritten one together, a reveal at once (with any records before it). A record's
 * promise resolves once it is written; settled() writes what is waiting and resolves once everything asked so far
 * is written (or has failed), so a caller may reply first and audit right after, and the log's readers can wait.
 */
export function createViewRecorder(log: AuditLog, upload: () => Promise<unknown>, now = () => Date.now()) {
  const lastSeen = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: Asked[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  function scheduleUpload(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void upload(), UPLOAD_DELAY_MS);
  }

  async function write(batch: Asked[]): Promise<void> {
    const me = await currentMe();
    const user = me?.id ?? 'unknown';
    const keys: string[] = [];
    const kept = batch.filter(({ facts, at }) => {
      if (facts.action !== 'view') return true;
      const key = [user, facts.where, facts.page, facts.customerId].join('\u0001');
      const previous = lastSeen.get(key);
      if (previous !== undefined && at - previous < SAME_VIEW_MS) return false;
      lastSeen.set(key, at);
      keys.push(key);
      return true;
    });
    for (let attempt = 1; kept.length > 0; attempt++) {
      try {
        await log.appendAll(kept.map(({ facts, at }) => ({ ...facts, user, at: new Date(at).toISOString() })));
        break;
      } catch (error) {
        if (attempt < ATTEMPTS) continue;
        for (const key of keys) lastSeen.delete(key); // not recorded: the next view must be
        throw error;
      }
    }
    if (kept.length > 0) scheduleUpload();
  }

  function flush(): void {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    const batch = waiting;
    waiting = [];
    const written = queue.then(() => write(batch));
    queue = written.catch(() => undefined);
    const tell = (error?: Error) => {
      for (const { done } of batch) done(error);
    };
    written.then(() => tell(), tell);
  }

  function record(facts: ViewFacts): Promise<void> {
    const written = new Promise<void>((resolve, reject) => {
      waiting.push({ facts, at: now(), done: (error) => (error ? reject(error) : resolve()) });
    });
    if (facts.action === 'reveal') flush();
    else flushTimer ??= setTimeout(flush, BATCH_MS);
    return written;
  }

  function settled(): Promise<void> {
    if (waiting.length > 0) flush();
    return queue.then(() => undefined);
  }

  return Object.assign(record, { settled });
}

export type ViewRecorder = ReturnType<typeof createViewRecorder>;

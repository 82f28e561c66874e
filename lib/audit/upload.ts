import { type FeedConfig, postAudit } from '../feed/client';
import type { AuditLog } from './log';

const BATCH = 500;

export type UploadResult = { ok: true; sent: number } | { ok: false; error: string };

/**
 * Sends every entry the feed has not acknowledged, oldest first, in batches. An entry counts as delivered only
 * once the feed answered 2xx; anything else leaves it pending for the next attempt (the sync alarm, every minute,
 * and coming back online), across offline time and service-worker restarts since the log is in IndexedDB.
 */
export async function uploadAudit(log: AuditLog, config: FeedConfig): Promise<UploadResult> {
  let sent = 0;
  try {
    for (;;) {
      const entries = await log.pending(BATCH);
      if (entries.length === 0) return { ok: true, sent };
      await postAudit(config, { device: entries[0]?.device, entries });
      await log.acknowledge((entries.at(-1) as { seq: number }).seq);
      sent += entries.length;
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

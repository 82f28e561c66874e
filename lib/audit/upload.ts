import { type FeedConfig, fetchMe, fetchStorageSecret, postAudit } from '../feed/client';
import { importDataKey, readWrappedKey, unwrapDataKey } from '../store';
import type { AuditEntry } from './chain';
import type { AuditLog, HeldEntry } from './log';
import { openReason } from './reasons';

const BATCH = 500;
/**
 * How long entries of a closed chain wait for their owner to sign in again on this browser. After that they are
 * dropped: they would otherwise sit on a shared machine for ever, and they are never sent under someone else's token.
 */
export const HELD_FOR_OWNER_DAYS = 30;

export type UploadResult = { ok: true; sent: number } | { ok: false; error: string };

/**
 * Sends every entry the feed has not acknowledged, oldest first, in batches, under the token of the user who made
 * them (asked of the feed with that very token): first what this user left unsent at an earlier sign-out, then the
 * current chain. An entry counts as delivered only once the feed answered 2xx; anything else leaves it pending for
 * the next attempt (the sync alarm, every minute, and coming back online), across offline time and service-worker
 * restarts since the log is in IndexedDB. Another user's entries found unsent end the chain and wait for them.
 */
export async function uploadAudit(log: AuditLog, config: FeedConfig, now = new Date()): Promise<UploadResult> {
  let sent = 0;
  try {
    await log.held.dropHeldBefore(new Date(now.getTime() - HELD_FOR_OWNER_DAYS * 86_400_000));
    const [first] = await log.pending(1);
    const held = await log.held.count();
    if (!first && held === 0) return { ok: true, sent };
    const me = await fetchMe(config);
    sent += await sendHeld(log, config, me.id);
    for (;;) {
      const entries = await log.pending(BATCH);
      const foreignAt = entries.findIndex((entry) => entry.user !== me.id);
      const batch = foreignAt === -1 ? entries : entries.slice(0, foreignAt);
      if (batch.length > 0) {
        await postAudit(config, { device: batch[0]?.device, entries: batch });
        await log.acknowledge(lastSeq(batch));
        sent += batch.length;
      }
      if (foreignAt !== -1) {
        // The rest waits for its owners; the reasons in it are under this store key (earlier ones are lost with theirs).
        await log.closeChain(await readWrappedKey());
        return { ok: true, sent };
      }
      if (batch.length === 0) return { ok: true, sent };
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

async function sendHeld(log: AuditLog, config: FeedConfig, user: string): Promise<number> {
  let sent = 0;
  for (const [device, entries] of await log.held.of(user)) {
    const opened = await openAll(entries, () => heldKey(log, config, device));
    if (!opened) continue; // the key of its reasons is gone: kept until the owner bound drops it
    for (let start = 0; start < opened.length; start += BATCH) {
      const batch = opened.slice(start, start + BATCH);
      await postAudit(config, { device, entries: batch });
      await log.held.release(device, lastSeq(batch));
      sent += batch.length;
    }
  }
  return sent;
}

/** The chain's entries with their reasons opened, or null when they cannot be (no key, another user's secret). */
async function openAll(entries: HeldEntry[], key: () => Promise<CryptoKey | null>): Promise<AuditEntry[] | null> {
  const needsKey = entries.some((entry) => entry.sealedReason);
  const opener = needsKey ? await key() : null;
  if (needsKey && !opener) return null;
  try {
    return await Promise.all(
      entries.map(({ heldAt: _heldAt, ...entry }) => openReason(entry, () => opener ?? noKey())),
    );
  } catch {
    return null;
  }
}

/** The store key of a closed chain, unwrapped with the feed's secret for the signed-in user. */
async function heldKey(log: AuditLog, config: FeedConfig, device: string): Promise<CryptoKey | null> {
  const wrapped = await log.held.key(device);
  const secret = wrapped ? await fetchStorageSecret(config) : null;
  const raw = wrapped && secret ? await unwrapDataKey(wrapped, secret) : null;
  return raw ? importDataKey(raw, false) : null;
}

function noKey(): never {
  throw new Error('No key for this chain’s reasons.');
}

const lastSeq = (entries: readonly AuditEntry[]) => entries.at(-1)?.seq ?? 0;

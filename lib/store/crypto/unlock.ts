import type { ReconnuDb } from '../db';
import { clearLocalStore } from '../wipe';
import {
  feedHasNoSecret,
  installSessionKey,
  newDataKey,
  readWrappedKey,
  rememberFeedHasNoSecret,
  restoreSessionKey,
  saveWrappedKey,
  sessionKeyBytes,
  unwrapDataKey,
  wrapDataKey,
} from './store-key';

/**
 * The feed's per-user storage secret (`GET /v1/storage-key`), or null when the feed has no such endpoint. Throws
 * when the feed cannot be reached or refuses: the caller cannot tell then whether the stored key would open.
 */
export type FetchSecret = () => Promise<Uint8Array<ArrayBuffer> | null>;

/** `reset`: nothing could open what was stored, so it was erased under a new key (the next sync refills it). */
export type UnlockOutcome = { state: 'unlocked' | 'reset' } | { state: 'locked'; error: Error };

/**
 * Makes the store's data key available, from the session when the browser has not restarted, else by unwrapping
 * the stored key with the feed's secret. The store is a disposable copy of the feed: when the feed has no secret
 * for us, or its secret does not open the wrapped key, the store is wiped and starts again under a fresh key. When
 * the feed cannot be asked, the store stays locked (reads find nobody) until a later attempt.
 */
export async function unlockStore(db: ReconnuDb, fetchSecret: FetchSecret): Promise<UnlockOutcome> {
  if (await restoreSessionKey(db)) {
    await wrapIfMissing(fetchSecret);
    return { state: 'unlocked' };
  }
  const wrapped = await readWrappedKey();
  let secret: Uint8Array<ArrayBuffer> | null | undefined;
  try {
    secret = await fetchSecret();
  } catch (error) {
    if (wrapped) return { state: 'locked', error: error as Error };
    secret = undefined; // nothing stored can be opened anyway: start afresh, wrap when the feed answers
  }
  if (wrapped && secret) {
    const raw = await unwrapDataKey(wrapped, secret);
    if (raw) {
      await installSessionKey(db, raw);
      return { state: 'unlocked' };
    }
  }
  await clearLocalStore(db);
  const raw = await newDataKey();
  await installSessionKey(db, raw);
  if (secret) await saveWrappedKey(await wrapDataKey(raw, secret));
  else if (secret === null) await rememberFeedHasNoSecret();
  return { state: 'reset' };
}

/** A key started while the feed was unreachable is wrapped once it answers, so it survives a browser restart. */
async function wrapIfMissing(fetchSecret: FetchSecret): Promise<void> {
  if ((await readWrappedKey()) || (await feedHasNoSecret())) return;
  const raw = await sessionKeyBytes();
  if (!raw) return;
  try {
    const secret = await fetchSecret();
    if (secret) await saveWrappedKey(await wrapDataKey(raw, secret));
    else await rememberFeedHasNoSecret();
  } catch {
    // still unreachable: next time
  }
}

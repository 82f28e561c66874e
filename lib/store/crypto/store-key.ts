import { storage } from 'wxt/utils/storage';
import type { ReconnuDb } from '../db';
import { fromBase64Url, toBase64Url } from './base64url';
import { exportDataKey, generateDataKey, importDataKey } from './crypto';

/**
 * Defines a storage item on first use: defining one reads the extension's storage, so the store's modules can then
 * be imported where there is none (the caller bench runs the lookup code in plain Node).
 */
function lazyItem<T>(define: () => T): () => T {
  let item: T | undefined;
  return () => {
    item ??= define();
    return item;
  };
}

/**
 * Where the store's data key lives. In clear only in memory and in `chrome.storage.session` (memory only, gone when
 * the browser closes, and readable by the extension's own pages and worker, not by content scripts: its default
 * access level, which nothing here changes). For browser restarts it is also kept *wrapped* in local storage, under
 * a key derived from a per-user secret the feed serves (unlock.ts), never beside the store in clear.
 */
const sessionKeyItem = lazyItem(() => storage.defineItem<string | null>('session:storeKey', { fallback: null }));
/** Set when the feed has no storage-key endpoint: the key then lives for this browser session only. */
const noSecretItem = lazyItem(() => storage.defineItem<boolean>('session:storeKeyWithoutSecret', { fallback: false }));

export interface WrappedKey {
  iv: string;
  data: string;
}
const wrappedKeyItem = lazyItem(() =>
  storage.defineItem<WrappedKey | null>('local:storeKeyWrapped', { fallback: null }),
);

/** Bumped whenever the key changes, so that a slower restore cannot put back a key that was replaced meanwhile. */
const generations = new WeakMap<ReconnuDb, number>();
const generationOf = (db: ReconnuDb) => generations.get(db) ?? 0;

function install(db: ReconnuDb, key: CryptoKey | null): void {
  generations.set(db, generationOf(db) + 1);
  db.setDataKey(key);
}

/** Unlocks from the session's copy of the key, without the network: true when the store is unlocked. */
export async function restoreSessionKey(db: ReconnuDb): Promise<boolean> {
  if (db.unlocked) return true;
  const generation = generationOf(db);
  const raw = await sessionKeyItem().getValue();
  if (!raw) return false;
  const key = await importDataKey(fromBase64Url(raw), false);
  if (generationOf(db) === generation && !db.unlocked) install(db, key);
  return db.unlocked;
}

/** Installs a key (raw bytes) for this browser session. */
export async function installSessionKey(db: ReconnuDb, raw: Uint8Array<ArrayBuffer>): Promise<void> {
  await sessionKeyItem().setValue(toBase64Url(raw));
  install(db, await importDataKey(raw, false));
}

export async function newDataKey(): Promise<Uint8Array<ArrayBuffer>> {
  return exportDataKey(await generateDataKey());
}

export async function sessionKeyBytes(): Promise<Uint8Array<ArrayBuffer> | null> {
  const raw = await sessionKeyItem().getValue();
  return raw ? fromBase64Url(raw) : null;
}

export const readWrappedKey = () => wrappedKeyItem().getValue();
export const saveWrappedKey = (wrapped: WrappedKey) => wrappedKeyItem().setValue(wrapped);
export const feedHasNoSecret = () => noSecretItem().getValue();
export const rememberFeedHasNoSecret = () => noSecretItem().setValue(true);

/** Erases the key everywhere (memory, session, wrapped copy): what the store holds can no longer be read. */
export async function forgetStoreKey(db: ReconnuDb): Promise<void> {
  install(db, null);
  await Promise.all([sessionKeyItem().removeValue(), wrappedKeyItem().removeValue(), noSecretItem().removeValue()]);
}

const KEY_INFO = new TextEncoder().encode('reconnu/store-key/v1');

/** The key-encryption key: HKDF-SHA-256 of the feed's per-user secret. */
async function keyEncryptionKey(secret: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: KEY_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function wrapDataKey(raw: Uint8Array<ArrayBuffer>, secret: Uint8Array<ArrayBuffer>): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const kek = await keyEncryptionKey(secret);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: KEY_INFO }, kek, raw);
  return { iv: toBase64Url(iv), data: toBase64Url(new Uint8Array(data)) };
}

/** The raw data key, or null when this secret does not open it (another user, token or feed). */
export async function unwrapDataKey(
  wrapped: WrappedKey,
  secret: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const kek = await keyEncryptionKey(secret);
    const iv = fromBase64Url(wrapped.iv);
    const raw = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: KEY_INFO },
      kek,
      fromBase64Url(wrapped.data),
    );
    return new Uint8Array(raw);
  } catch {
    return null;
  }
}

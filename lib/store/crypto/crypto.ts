import Dexie from 'dexie';

/**
 * Encryption at rest of the local store: AES-GCM 256 with a fresh random 12-byte IV per sealed value, stored as
 * binary (IndexedDB keeps ArrayBuffers as they are). A `context` (additional authenticated data) binds a box to the
 * record it belongs to, so a box moved to another record, or a changed clear field it is bound to, is refused.
 *
 * WebCrypto answers in a later task, when an IndexedDB transaction would already have committed: every operation
 * goes through Dexie.waitFor, which keeps the current transaction alive (and is a plain await outside one). The hot
 * paths seal before opening their transaction, where waitFor costs nothing.
 */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A new data key; extractable so that it can be kept in session storage and wrapped for restarts. */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]) as Promise<CryptoKey>;
}

export function importDataKey(raw: Uint8Array<ArrayBuffer>, extractable = true): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', extractable, ['encrypt', 'decrypt']);
}

export async function exportDataKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

async function encrypt(key: CryptoKey, plain: string | Uint8Array<ArrayBuffer>, context: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const additionalData = encoder.encode(context);
  const bytes = typeof plain === 'string' ? encoder.encode(plain) : plain;
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, bytes);
  return { iv, data };
}

/** Seals bytes as they are (no text encoding: large binary values, e.g. a run's key filter). */
export function sealBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>, context: string): Promise<Sealed> {
  return Dexie.waitFor(encrypt(key, bytes, context));
}

function decryptBytes(key: CryptoKey, box: Sealed, context: string): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv, additionalData: encoder.encode(context) }, key, box.data);
}

async function decrypt(key: CryptoKey, box: Sealed, context: string): Promise<string> {
  return decoder.decode(await decryptBytes(key, box, context));
}

/** Opens boxes of bytes, each with its context, in one wait of the current transaction. */
export async function openBytes(
  key: CryptoKey,
  items: [box: Sealed, context: string][],
): Promise<Uint8Array<ArrayBuffer>[]> {
  if (items.length === 0) return [];
  const opened = await Dexie.waitFor(Promise.all(items.map(([box, context]) => decryptBytes(key, box, context))));
  return opened.map((buffer) => new Uint8Array(buffer));
}

/** Seals texts, each with its context, in one wait of the current transaction. */
export function sealTexts(key: CryptoKey, items: [text: string, context: string][]): Promise<Sealed[]> {
  if (items.length === 0) return Promise.resolve([]);
  return Dexie.waitFor(Promise.all(items.map(([text, context]) => encrypt(key, text, context))));
}

/** Opens boxes, each with the context it was sealed with; rejects (OperationError) if any was altered. */
export function openTexts(key: CryptoKey, items: [box: Sealed, context: string][]): Promise<string[]> {
  if (items.length === 0) return Promise.resolve([]);
  return Dexie.waitFor(Promise.all(items.map(([box, context]) => decrypt(key, box, context))));
}

export async function seal(key: CryptoKey, value: unknown, context: string): Promise<Sealed> {
  return (await sealTexts(key, [[JSON.stringify(value), context]]))[0] as Sealed;
}

export async function open<T>(key: CryptoKey, box: Sealed, context: string): Promise<T> {
  return JSON.parse((await openTexts(key, [[box, context]]))[0] as string) as T;
}

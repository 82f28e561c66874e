/**
 * Everything an IndexedDB database holds, keys and values of every store, as one text: strings as they are,
 * binary as Latin-1 (so plaintext hidden in it would show), for tests asserting what is not stored in clear.
 */
export function rawDatabaseText(name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const database = request.result;
      const names = [...database.objectStoreNames];
      const transaction = database.transaction(names, 'readonly');
      const parts: string[] = [];
      for (const storeName of names) {
        const store = transaction.objectStore(storeName);
        store.getAllKeys().onsuccess = (event) => parts.push(flatten((event.target as IDBRequest).result));
        store.getAll().onsuccess = (event) => parts.push(flatten((event.target as IDBRequest).result));
      }
      transaction.oncomplete = () => {
        database.close();
        resolve(parts.join('\n'));
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

function flatten(value: unknown): string {
  if (value instanceof ArrayBuffer) return latin1(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) return latin1(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (Array.isArray(value)) return value.map(flatten).join('\n');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}=${flatten(inner)}`)
      .join('\n');
  }
  return String(value);
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

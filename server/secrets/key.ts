// Where the sealing key comes from: HUB_ENCRYPTION_KEY (base64 of 32 bytes), else the file HUB_ENCRYPTION_KEY_FILE
// names, else (embedded database only) `encryption.key` in the data directory, made at first need. A PostgreSQL hub
// never makes one itself: two processes would each make their own and could not read each other's secrets.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingSealer, type Sealer, SealingKeyError, sealerOf } from './sealer';

export interface SealingKeySource {
  /** HUB_ENCRYPTION_KEY. */
  key?: string;
  /** HUB_ENCRYPTION_KEY_FILE. */
  keyFile?: string;
  /** The embedded database's directory, when the hub runs on it. */
  dataDir?: string;
}

function decodeKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new SealingKeyError(
      `${origin} must hold 32 bytes in base64 or hex (make one with: openssl rand -base64 32).`,
    );
  }
  return key;
}

/** The sealer of this configuration; without any key, one that explains what to set when a secret is needed. */
export function loadSealer(source: SealingKeySource): Sealer {
  if (source.key) return sealerOf(decodeKey(source.key, 'HUB_ENCRYPTION_KEY'));
  if (source.keyFile) {
    if (!existsSync(source.keyFile)) throw new SealingKeyError(`HUB_ENCRYPTION_KEY_FILE: no file ${source.keyFile}.`);
    return sealerOf(decodeKey(readFileSync(source.keyFile, 'utf8'), `HUB_ENCRYPTION_KEY_FILE (${source.keyFile})`));
  }
  if (source.dataDir) {
    const file = join(source.dataDir, 'encryption.key');
    if (!existsSync(file)) {
      mkdirSync(source.dataDir, { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    }
    return sealerOf(decodeKey(readFileSync(file, 'utf8'), file));
  }
  return missingSealer(
    'This needs an encryption key: set HUB_ENCRYPTION_KEY (openssl rand -base64 32) or HUB_ENCRYPTION_KEY_FILE.',
  );
}

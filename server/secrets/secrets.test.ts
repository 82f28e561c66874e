import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSealer } from './key';
import { SealingKeyError } from './sealer';

describe('sealed secrets', () => {
  const key = Buffer.alloc(32, 7).toString('base64');

  it('opens what it sealed, only with the same key and context', () => {
    const sealer = loadSealer({ key });
    const sealed = sealer.seal('shpat_secret', 'connector:shop');
    expect(sealed).not.toContain('shpat_secret');
    expect(sealer.open(sealed, 'connector:shop')).toBe('shpat_secret');
    expect(() => sealer.open(sealed, 'connector:other')).toThrow(SealingKeyError);
    expect(() => loadSealer({ key: Buffer.alloc(32, 8).toString('base64') }).open(sealed, 'connector:shop')).toThrow(
      /does not open/,
    );
  });

  it('seals the same text differently each time', () => {
    const sealer = loadSealer({ key });
    expect(sealer.seal('x', 'c')).not.toBe(sealer.seal('x', 'c'));
  });

  it('refuses a key of the wrong size, naming the variable', () => {
    expect(() => loadSealer({ key: 'c2hvcnQ=' })).toThrow(/HUB_ENCRYPTION_KEY must hold 32 bytes/);
    expect(() => loadSealer({ keyFile: '/nonexistent/key' })).toThrow(/HUB_ENCRYPTION_KEY_FILE/);
  });

  it('makes a private key file in the embedded data directory once, and reads it back', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-key-'));
    const sealed = loadSealer({ dataDir }).seal('secret', 'c');
    const file = join(dataDir, 'encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSealer({ dataDir }).open(sealed, 'c')).toBe('secret');
    expect(loadSealer({ keyFile: file }).open(sealed, 'c')).toBe('secret');
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(44);
  });

  it('without any key, says what to set when a secret is needed', () => {
    const sealer = loadSealer({});
    expect(() => sealer.seal('x', 'c')).toThrow(/HUB_ENCRYPTION_KEY/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../../tests/unlocked-db';
import type { ReconnuDb } from '../db';
import { generateDataKey, open, seal } from './crypto';

const value = { email: 'jean@exemple.fr', phones: ['+33612345678'] };

describe('seal and open', () => {
  it('round-trips a value, with a fresh IV each time and nothing of it in clear', async () => {
    const key = await generateDataKey();
    const first = await seal(key, value, 'ctx');
    const second = await seal(key, value, 'ctx');
    expect(first.iv).toHaveLength(12);
    expect(first.iv).not.toEqual(second.iv);
    expect(new TextDecoder('latin1').decode(first.data)).not.toContain('jean');
    expect(await open(key, first, 'ctx')).toEqual(value);
  });

  it('refuses a tampered ciphertext, a wrong key and another context', async () => {
    const key = await generateDataKey();
    const box = await seal(key, value, 'segment 1');
    const tampered = new Uint8Array(box.data.slice(0));
    tampered[3] = (tampered[3] as number) ^ 1;
    await expect(open(key, { iv: box.iv, data: tampered.buffer }, 'segment 1')).rejects.toThrow();
    await expect(open(await generateDataKey(), box, 'segment 1')).rejects.toThrow();
    await expect(open(key, box, 'segment 2')).rejects.toThrow();
  });
});

describe('inside an IndexedDB transaction', () => {
  let db: ReconnuDb;
  beforeEach(async () => {
    db = await unlockedDb('crypto');
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps the transaction alive across WebCrypto', async () => {
    await db.transaction('rw', db.meta, db.indexDirectories, async () => {
      const box = await seal(db.dataKey, ['e:jean@exemple.fr'], 'directory\n1');
      await db.indexDirectories.put({ run: 1, box });
      expect(await open(db.dataKey, box, 'directory\n1')).toEqual(['e:jean@exemple.fr']);
      await db.meta.put({ key: 'stale', segs: [1] });
    });
    expect(await db.meta.get('stale')).toEqual({ key: 'stale', segs: [1] });
    expect(await db.indexDirectories.count()).toBe(1);
  });
});

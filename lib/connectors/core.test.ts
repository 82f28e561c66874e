import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FeedError } from '../feed/client';
import { decodeCursor, encodeCursor } from './cursor';
import { createReadClock } from './http';
import { sourceSchema } from './registry';
import { withoutCredentials } from './settings';
import { deletionsOf } from './sweep';

describe('connector cursors', () => {
  const state = z.object({ phase: z.enum(['customers', 'orders']), since: z.string(), seen: z.array(z.string()) });

  it('round-trips the state, accents included, through URL-safe text', () => {
    const value = { phase: 'orders' as const, since: '2026-11-26T10:00:00Z', seen: ['vendure:12', 'Zoë'] };
    const cursor = encodeCursor(value);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, state)).toEqual(value);
  });

  it("rejects another source's cursor with a 400, so the engine starts over", () => {
    for (const foreign of ['1200', encodeCursor({ phase: 'later' }), '%%%']) {
      const error = (() => {
        try {
          decodeCursor(foreign, state);
        } catch (caught) {
          return caught as FeedError;
        }
      })();
      expect(error).toBeInstanceOf(FeedError);
      expect(error?.status).toBe(400);
      expect(error?.retryable).toBe(false);
    }
  });
});

describe('deletionsOf', () => {
  it('erases what is stored and no longer live, and nothing else', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const deletions = deletionsOf(['a', 'b', 'c'], new Set(['a', 'c', 'd']), now);
    expect(deletions).toEqual([{ id: 'b', deleted: true, deletedAt: '2026-11-26T12:00:00.000Z' }]);
  });
});

describe('createReadClock', () => {
  it('never gives the same version twice, even within one millisecond or if the clock steps back', () => {
    const times = [1000, 1000, 1000, 999, 1500];
    const clock = createReadClock(() => times.shift() ?? 0);
    expect([clock(), clock(), clock(), clock(), clock()]).toEqual([1000, 1001, 1002, 1003, 1500]);
  });
});

describe('source settings', () => {
  it('keeps where a platform is but forgets its credentials at sign-out', () => {
    const vendure = sourceSchema.parse({ kind: 'vendure', url: 'http://127.0.0.1:3000/admin-api', token: 'secret' });
    expect(withoutCredentials(vendure)).toEqual({ ...vendure, token: '' });
    const woo = sourceSchema.parse({ kind: 'woocommerce', url: 'https://shop.example', key: 'ck_1', secret: 'cs_1' });
    expect(withoutCredentials(woo)).toEqual({ ...woo, key: '', secret: '' });
  });

  it('refuses a platform URL that is not http(s)', () => {
    expect(sourceSchema.safeParse({ kind: 'vendure', url: 'javascript:alert(1)', token: 't' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { advance, alreadyRead, updatedSince } from './watermark';

const at = (time: string) => Date.parse(time);

describe('watermark', () => {
  it('moves to the latest second read and keeps the ids read at it', () => {
    const mark = advance(
      { since: '2025-11-03T09:00:00Z', ids: ['a'] },
      [
        { id: 'b', updatedAt: '2025-11-03T09:00:00Z' },
        { id: 'c', updatedAt: '2025-11-03T09:05:00Z' },
        { id: 'd', updatedAt: '2025-11-03T09:05:00Z' },
      ],
      at('2025-11-03T10:00:00Z'),
    );
    expect(mark).toEqual({ since: '2025-11-03T09:05:00Z', ids: ['c', 'd'] });
    expect(updatedSince(mark)).toBe("updated_at:>='2025-11-03T09:05:00Z'");
    expect(alreadyRead(mark, { id: 'c', updatedAt: '2025-11-03T09:05:00Z' })).toBe(true);
    // Changed again since: a later second is never skipped.
    expect(alreadyRead(mark, { id: 'c', updatedAt: '2025-11-03T09:05:01Z' })).toBe(false);
    expect(alreadyRead(mark, { id: 'e', updatedAt: '2025-11-03T09:05:00Z' })).toBe(false);
  });

  it('does not mark as read what changed within seconds of the answer: it may change again in that second', () => {
    const mark = advance(
      { since: null, ids: [] },
      [{ id: 'fresh', updatedAt: '2025-11-03T09:59:58Z' }],
      at('2025-11-03T10:00:00Z'),
    );
    expect(mark).toEqual({ since: '2025-11-03T09:59:58Z', ids: [] });
    expect(alreadyRead(mark, { id: 'fresh', updatedAt: '2025-11-03T09:59:58Z' })).toBe(false);
  });

  it('reads everything without a watermark, and ignores records without a usable time', () => {
    expect(updatedSince({ since: null, ids: [] })).toBeNull();
    expect(advance({ since: null, ids: [] }, [{ id: 'x', updatedAt: 'yesterday' }, { updatedAt: 3 }], 0)).toEqual({
      since: null,
      ids: [],
    });
  });
});

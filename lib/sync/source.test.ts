import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../settings';
import { followSource, resolveSource } from './source';

describe('resolveSource', () => {
  it('needs a feed URL and a token when the feed is the source', () => {
    expect(resolveSource(defaultSettings)).toMatchObject({ ok: false, notice: { code: 'noFeed' } });
    const noToken = { ...defaultSettings, feedUrl: 'http://127.0.0.1:4100' };
    expect(resolveSource(noToken)).toMatchObject({ ok: false, notice: { code: 'signedOut' } });
    const ready = resolveSource({ ...noToken, token: 't' });
    expect(ready).toMatchObject({ ok: true, feed: { feedUrl: 'http://127.0.0.1:4100', token: 't' } });
  });
});

describe('followSource', () => {
  it("wipes the previous source's customers when the source changes, not on the first run nor when unchanged", async () => {
    const wipe = vi.fn(async () => undefined);
    expect(await followSource('feed http://a', wipe)).toBe(false);
    expect(await followSource('feed http://a', wipe)).toBe(false);
    expect(wipe).not.toHaveBeenCalled();
    expect(await followSource('vendure http://b/admin-api', wipe)).toBe(true);
    expect(wipe).toHaveBeenCalledTimes(1);
  });
});

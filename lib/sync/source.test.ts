import { describe, expect, it, vi } from 'vitest';
import { strings } from '../i18n/strings';
import { defaultSettings } from '../settings';
import { followSource, resolveSource } from './source';
import { initialSyncStatus, namingSource, type SyncNotice, type SyncStatus } from './status';

describe('resolveSource', () => {
  it('needs a feed URL and a token when the feed is the source', () => {
    expect(resolveSource(defaultSettings)).toMatchObject({ ok: false, notice: { code: 'noFeed' } });
    const noToken = { ...defaultSettings, feedUrl: 'http://127.0.0.1:4100' };
    expect(resolveSource(noToken)).toMatchObject({ ok: false, notice: { code: 'signedOut' } });
    const ready = resolveSource({ ...noToken, token: 't' });
    expect(ready).toMatchObject({ ok: true, feed: { feedUrl: 'http://127.0.0.1:4100', token: 't' }, label: null });
  });

  it('reads a platform without any feed, and says signed out once its credentials are gone', () => {
    const source = {
      kind: 'shopify' as const,
      url: 'https://reconnu-demo.myshopify.com',
      token: 'shpat_1',
      apiVersion: '2025-10',
    };
    const resolved = resolveSource({ ...defaultSettings, source });
    expect(resolved).toMatchObject({
      ok: true,
      feed: null,
      identity: 'shopify https://reconnu-demo.myshopify.com',
      label: 'Shopify',
    });
    if (resolved.ok) expect(resolved.connector.kind).toBe('shopify');
    const signedOut = resolveSource({ ...defaultSettings, source: { ...source, token: '' } });
    expect(signedOut).toMatchObject({ ok: false, notice: { code: 'signedOut' } });
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

describe('namingSource', () => {
  const failed = (notice: SyncNotice): SyncStatus => ({ ...initialSyncStatus, state: 'error', notice });

  it('names the platform in the notices about reaching it, in each language', () => {
    const named = namingSource(failed({ code: 'http', status: 401 }), 'Shopify');
    expect(named.notice).toEqual({ code: 'http', status: 401, source: 'Shopify' });
    expect(strings('en').notice(named.notice as SyncNotice)).toBe('Shopify answered 401: check the credentials');
    expect(strings('fr').notice(named.notice as SyncNotice)).toBe('Shopify a répondu 401 : vérifiez les identifiants');
    expect(strings('en').notice({ code: 'http', status: 401 })).toBe('The feed answered 401: check the access token');
  });

  it('leaves other notices and the feed alone', () => {
    const quota = failed({ code: 'quota' });
    expect(namingSource(quota, 'Vendure')).toBe(quota);
    const offline = failed({ code: 'unreachable' });
    expect(namingSource(offline, null)).toBe(offline);
  });
});

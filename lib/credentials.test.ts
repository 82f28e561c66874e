import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsStore } from './credentials';
import { defaultSettings, type Settings } from './settings';

const saved: Settings = {
  ...defaultSettings,
  feedUrl: 'https://feed.acme.example',
  token: 'feed-token-secret',
  source: { kind: 'shopify', url: 'https://acme.myshopify.com', token: 'shpat_secret', apiVersion: '2025-07' },
};

describe('settings store', () => {
  it('keeps the token and the shop credentials out of storage.local where the browser cannot restrict it', async () => {
    fakeBrowser.reset();
    const store = createSettingsStore({
      credentialsApart: true,
      fallback: defaultSettings,
      database: `credentials-${Math.random()}`,
    });
    const heard: Settings[] = [];
    const stop = store.watch((settings) => heard.push(settings));
    await store.setValue(saved);
    const raw = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(raw).not.toContain('feed-token-secret');
    expect(raw).not.toContain('shpat_secret');
    expect(raw).toContain('https://acme.myshopify.com');
    expect(await store.getValue()).toEqual(saved);
    await expect.poll(() => heard.at(-1)).toEqual(saved);
    // Signing out blanks them in both places.
    await store.setValue({
      ...saved,
      token: '',
      source: { kind: 'shopify', url: 'https://acme.myshopify.com', token: '', apiVersion: '2025-07' },
    });
    expect((await store.getValue()).token).toBe('');
    stop();
  });

  it('stores them with the rest where storage.local is for trusted contexts only (Chromium)', async () => {
    fakeBrowser.reset();
    const store = createSettingsStore({ credentialsApart: false, fallback: defaultSettings });
    await store.setValue(saved);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: saved });
    expect(await store.getValue()).toEqual(saved);
  });
});

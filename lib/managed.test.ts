import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManaged, siteAllowed } from './managed';
import { defaultSettings, readSettings, settingsItem } from './settings';

beforeEach(() => fakeBrowser.reset());

describe('managed configuration', () => {
  it('takes precedence over the local settings, and ignores keys that do not validate', async () => {
    await settingsItem.setValue({ ...defaultSettings, feedUrl: 'https://mine.example', region: 'BE', token: 't' });
    await fakeBrowser.storage.managed.set({
      feedUrl: 'https://feed.shop.example',
      defaultRegion: 'fr', // invalid: lower case
      retentionDays: 30,
      allowedSites: ['https://*.zendesk.com/*'],
    });
    expect(await readManaged()).toEqual({
      feedUrl: 'https://feed.shop.example',
      retentionDays: 30,
      allowedSites: ['https://*.zendesk.com/*'],
    });
    expect(await readSettings()).toMatchObject({
      feedUrl: 'https://feed.shop.example',
      region: 'BE',
      retentionDays: 30,
      token: 't',
    });
  });

  it('lets the overlay run only on the allowed sites when a list is set', () => {
    const managed = { allowedSites: ['https://*.zendesk.com/*', 'http://127.0.0.1/*'] };
    expect(siteAllowed(managed, 'https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    expect(siteAllowed(managed, 'http://127.0.0.1:4173/crm')).toBe(true);
    expect(siteAllowed(managed, 'https://evil.example/zendesk.com/')).toBe(false);
    expect(siteAllowed(managed, 'not a url')).toBe(false);
    expect(siteAllowed({}, 'https://anything.example/')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRateLimiter, isExtensionPage, isOwnContentScript } from './senders';

describe('sender checks', () => {
  const id = fakeBrowser.runtime.id;
  const page = { id, url: fakeBrowser.runtime.getURL('/panel.html'), tab: { id: 3 } };
  const content = { id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 3 } };

  it('tells this extension’s pages from its content scripts', () => {
    expect(isExtensionPage(page as never)).toBe(true);
    expect(isOwnContentScript(page as never)).toBe(false);
    expect(isOwnContentScript(content as never)).toBe(true);
    expect(isExtensionPage(content as never)).toBe(false);
  });

  it('refuses other extensions and senders without a tab', () => {
    expect(isExtensionPage({ ...page, id: 'another-extension' } as never)).toBe(false);
    expect(isOwnContentScript({ ...content, id: 'another-extension' } as never)).toBe(false);
    expect(isOwnContentScript({ id, url: content.url } as never)).toBe(false);
  });

  it('limits lookups per tab within a sliding window', () => {
    let now = 0;
    const allow = createRateLimiter(3, 1000, () => now);
    expect([allow(1), allow(1), allow(1), allow(1), allow(2)]).toEqual([true, true, true, false, true]);
    now = 1001;
    expect(allow(1)).toBe(true);
  });
});

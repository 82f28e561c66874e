import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestOrigins, withoutPort } from './permission';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The manifest grants `http://127.0.0.1/*`; like Firefox, a pattern with a port is not counted as within it. */
function grants(granted: string[]) {
  const contains = vi
    .spyOn(fakeBrowser.permissions, 'contains')
    .mockImplementation(async ({ origins = [] }) => origins.every((origin) => granted.includes(origin)));
  const request = vi.spyOn(fakeBrowser.permissions, 'request');
  return { contains, request };
}

describe('withoutPort', () => {
  it('drops the port of a pattern’s host, and nothing else', () => {
    expect(withoutPort('http://127.0.0.1:35173/*')).toBe('http://127.0.0.1/*');
    expect(withoutPort('https://hub.example:8443/v1/*')).toBe('https://hub.example/v1/*');
    expect(withoutPort('https://hub.example/*')).toBe('https://hub.example/*');
    expect(withoutPort('https://*.example.com/*')).toBe('https://*.example.com/*');
  });
});

describe('requestOrigins', () => {
  it('in Firefox, asks at once (still inside the click), for the host rather than one port of it', async () => {
    const { request } = grants([]);
    request.mockImplementation(async () => true);
    const answer = requestOrigins(['https://hub.example:8443/*', 'https://hub.example/*'], { firefox: true });
    expect(request).toHaveBeenCalledWith({ origins: ['https://hub.example/*'] });
    expect(await answer).toBe(true);
  });

  it('in Firefox, outside a click (the prompt refused to open), answers whether the host is granted', async () => {
    const { request } = grants(['http://127.0.0.1/*']);
    request.mockImplementation(async () => {
      throw new Error('permissions.request may only be called from a user input handler');
    });
    expect(await requestOrigins(['http://127.0.0.1:35173/*'], { firefox: true })).toBe(true);
    expect(await requestOrigins(['https://hub.example/*'], { firefox: true })).toBe(false);
  });

  it('in Chromium, asks only for what is not granted yet', async () => {
    const { request } = grants(['http://127.0.0.1/*']);
    request.mockImplementation(async () => false);
    expect(await requestOrigins(['http://127.0.0.1:35173/*'])).toBe(true);
    expect(request).not.toHaveBeenCalled();
    expect(await requestOrigins(['https://hub.example/*'])).toBe(false);
    expect(request).toHaveBeenCalledWith({ origins: ['https://hub.example/*'] });
  });
});

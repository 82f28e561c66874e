import { describe, expect, it } from 'vitest';
import { withoutPort } from './permission';

describe('withoutPort', () => {
  it('drops the port of a pattern’s host, and nothing else', () => {
    expect(withoutPort('http://127.0.0.1:35173/*')).toBe('http://127.0.0.1/*');
    expect(withoutPort('https://hub.example:8443/v1/*')).toBe('https://hub.example/v1/*');
    expect(withoutPort('https://hub.example/*')).toBe('https://hub.example/*');
    expect(withoutPort('https://*.example.com/*')).toBe('https://*.example.com/*');
  });
});

import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { isLoopbackHost, transportProblem } from './transport';

describe('transport', () => {
  it('takes https anywhere, and plain http only on this computer where loopback is allowed', () => {
    const allowed = { loopbackAllowed: true };
    const production = { loopbackAllowed: false };
    expect(transportProblem('https://feed.acme.example/', production)).toBeNull();
    for (const local of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://[::1]:3000/', 'http://127.0.0.2/']) {
      expect(transportProblem(local, allowed)).toBeNull();
      expect(transportProblem(local, production)).toMatch(/development builds or by your administrator/);
    }
    for (const remote of ['http://feed.acme.example/', 'http://10.0.0.5/', 'http://127.0.0.1.evil.example/']) {
      expect(transportProblem(remote, allowed)).toMatch(/must start with https:\/\//);
    }
    expect(transportProblem('ftp://feed.acme.example/', allowed)).toMatch(/https/);
    expect(transportProblem('not a url', allowed)).toMatch(/not a valid URL/);
    expect(isLoopbackHost('localhost.evil.example')).toBe(false);
  });

  it("grants this computer's pages to development and test builds only", () => {
    const manifestFor = (mode: string) => {
      const manifest = config.manifest;
      if (typeof manifest !== 'function') throw new Error('The manifest is built per browser and mode.');
      return manifest({ browser: 'chrome', mode, command: 'build', manifestVersion: 3 });
    };
    expect(manifestFor('production')).toMatchObject({ host_permissions: [] });
    expect(manifestFor('test')).toMatchObject({ host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] });
    expect(manifestFor('production')).toMatchObject({
      web_accessible_resources: [{ resources: ['panel.html'], use_dynamic_url: true }],
    });
  });
});

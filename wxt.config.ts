import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser, mode }) => ({
    name: 'Reconnu',
    description: 'Recognize your customers on every helpdesk, CRM and softphone page.',
    permissions: [
      'storage',
      'alarms',
      'unlimitedStorage',
      'scripting',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Sites are turned on by the user (popup): optional host permissions. This computer's own pages are on in
    // development and test builds only (`--mode test`: the demo, the tests, the benchmarks), never in production.
    host_permissions: mode === 'production' ? [] : ['http://127.0.0.1/*', 'http://localhost/*'],
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*', 'notifications'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'], optional_permissions: ['notifications'] }),
    // Enterprise policy (storage.managed) takes precedence over local settings: lib/managed.ts.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
    // The MV3 default, stated and tightened: no remote or inline code, no plugins, no <base> hijack.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    // Reachable only at a per-session URL the content script gets from runtime.getURL: a page can neither frame the
    // panel nor fetch it to learn that Reconnu is installed.
    web_accessible_resources: [{ resources: ['panel.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'reconnu@reconnu.example',
          strict_min_version: '128.0',
          // Profile views (who, which customer, which site) are reported to the company's own feed for its audit.
          data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteActivity'] },
        },
      },
    }),
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Show or hide the Reconnu panel' },
    },
  }),
});

// The built extension in the system Firefox, as `scripts/browser.ts` does in Chromium: puppeteer-core drives Firefox
// over WebDriver BiDi (no driver to download), and its DevTools server reaches the extension's own pages.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { connectDevTools, type DevTools, type DevToolsTarget } from './firefox-devtools';

/** The Firefox test build (`npm run build:firefox -- --mode test`). */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'firefox-mv2-test');

/** The add-on id of the Firefox build (wxt.config.ts, `browser_specific_settings`). */
const ADDON_ID = 'reconnu@reconnu.example';

/** The system Firefox: FIREFOX_PATH, else Debian's firefox-esr. Never downloads a browser. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Firefox found. Install one (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.',
    );
  }
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The extension's pages and frames, which WebDriver BiDi does not reach. */
  devtools: DevTools;
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /** Opens one of the extension's pages in a new tab, as its own links do. */
  openExtensionPage(path: string): Promise<DevToolsTarget>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Launches Firefox headless in a throwaway profile and installs the built extension, as a temporary add-on. */
export async function launchFirefoxWithExtension(
  options: { extensionDir?: string } = {},
): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build -b firefox --mode test\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'reconnu-firefox-'));
  // Firefox gives each install a random moz-extension:// host; the test picks it, to know the pages' URLs.
  const uuid = randomUUID();
  const devtoolsPort = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    args: ['--start-debugger-server', String(devtoolsPort)],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
    const devtools = await connectDevTools(devtoolsPort);
    const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
    return {
      browser,
      devtools,
      extensionUrl,
      async openExtensionPage(path) {
        // Any extension page can open another; the options page, which the install opened, is always there.
        const from = await devtools.tab(extensionUrl('options.html'));
        await from.evaluate((url) => {
          // The page's own WebExtension API, not this file's puppeteer browser.
          const { tabs } = (
            globalThis as unknown as { browser: { tabs: { create(tab: { url: string }): Promise<unknown> } } }
          ).browser;
          return tabs.create({ url }).then(() => true);
        }, extensionUrl(path));
        return devtools.tab(extensionUrl(path));
      },
      async close() {
        devtools.close();
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

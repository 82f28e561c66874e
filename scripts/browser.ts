import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from 'playwright-core';

/** The test build (`npm run build:test`): the production one plus this computer's own pages and servers. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3-test');

/** The system Chromium: CHROMIUM_PATH, else /usr/bin/chromium. Never downloads a browser. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** A profile used for the first time: the extension was just installed, and opens its options page by itself. */
  installed: boolean;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension loaded, in a throwaway profile, or in `profile` (kept on close: a
 * later launch on it is the same browser restarted).
 */
export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string; args?: string[]; profile?: string } = {},
): Promise<ExtensionBrowser> {
  // RECONNU_EXTENSION_DIR: another build, for a bench's before-and-after on the same harness.
  const extensionDir = options.extensionDir ?? process.env.RECONNU_EXTENSION_DIR ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:test\` first.`);
  }
  const headless = options.headless ?? true;
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'reconnu-profile-'));
  const installed = !existsSync(profile) || readdirSync(profile).length === 0;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--disable-features=Translate', // its bubble would cover the panel on the French demo pages
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    installed,
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The options page the extension opened at its install, once it is there (null when it opened none in time). */
export async function installOptionsPage(browser: ExtensionBrowser, timeout = 10_000): Promise<Page | null> {
  const url = browser.extensionUrl('options.html');
  const deadline = Date.now() + timeout;
  for (;;) {
    const page = browser.context.pages().find((open) => open.url().startsWith(url));
    if (page || Date.now() > deadline) return page ?? null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The options page: the one the extension opened at install, else in the blank tab a new profile opens with. */
async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const opened = browser.installed ? await installOptionsPage(browser) : null;
  if (opened) {
    await opened.waitForLoadState();
    return opened;
  }
  const blank = browser.context.pages().find((open) => open.url() === 'about:blank');
  const page = blank ?? (await browser.context.newPage());
  await page.goto(browser.extensionUrl('options.html'));
  return page;
}

/** Unfolds the options page's administration section (folded by default), where the administrator's settings are. */
export async function openAdministration(options: Page): Promise<void> {
  const details = options.locator('details.administration');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.locator('summary').click();
  }
}

/** Sets the policy public key in the administration section, as an administrator does; the save starts a sync. */
export async function setPolicyKeyOption(options: Page, key: string): Promise<void> {
  await openAdministration(options);
  await options.getByLabel('Policy public key (ES256, JWK or PEM)').fill(key);
  await options.getByRole('button', { name: 'Save settings' }).click();
}

/** The connection form's button: "Connect" on the first-run step, "Sync now" once connected. */
const CONNECT = /^(Connect|Sync now)$/;

/** Points the extension at a feed the way a user does: the options page, then "Connect". */
export async function configureFeed(
  browser: ExtensionBrowser,
  feed: { url: string; token: string },
  expectCustomers?: number,
): Promise<Page> {
  const page = await openOptions(browser);
  await page.getByLabel('Feed URL').fill(feed.url);
  await page.getByLabel('Access token').fill(feed.token);
  await page.getByRole('button', { name: CONNECT }).click();
  if (expectCustomers !== undefined) await waitUpToDate(page, expectCustomers);
  return page;
}

/** Points the extension at a Vendure server the way an administrator does: the options page's source picker. */
export async function configureVendure(
  browser: ExtensionBrowser,
  vendure: { adminApi: string; token: string },
  expectCustomers?: number,
): Promise<Page> {
  const page = await openOptions(browser);
  await page.getByLabel('Read customers from').selectOption('vendure');
  await page.getByLabel('Admin API URL (…/admin-api)').fill(vendure.adminApi);
  await page.getByLabel('API key or bearer token (read customers and orders)').fill(vendure.token);
  await page.getByRole('button', { name: CONNECT }).click();
  if (expectCustomers !== undefined) await waitUpToDate(page, expectCustomers);
  return page;
}

export async function waitUpToDate(options: Page, customers: number, timeout = 120_000): Promise<void> {
  const count = customers.toLocaleString('en');
  await options
    .getByRole('status')
    .filter({ hasText: `Up to date · ${count} customers` })
    .waitFor({ timeout });
}

/**
 * tsx compiles scripts with esbuild's keepNames, which wraps functions declared inside page.evaluate callbacks in a
 * `__name(...)` helper that pages do not have. Benchmarks run under tsx call this once per page.
 */
export async function allowEsbuildNames(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}

// The panel is docked at the extension's per-session URL (use_dynamic_url), a UUID rather than the extension id.
export const PANEL_URL = /^chrome-extension:\/\/([a-p]{32}|[0-9a-f-]{36})\/panel\.html/;

/**
 * The panel iframe the content script docked into a host page. Its shadow root is closed, so page selectors cannot
 * reach it; the browser's frame tree can.
 */
export async function panelFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((candidate) => PANEL_URL.test(candidate.url()));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('No panel frame in this page.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the panel is shown (not collapsed to its tab). */
export async function panelVisible(page: Page): Promise<boolean> {
  const element = await (await panelFrame(page)).frameElement();
  return element.evaluate((frame) => getComputedStyle(frame as Element).visibility === 'visible');
}

/** Clicks the panel's "R" tab while the panel is open: it sits just left of the frame, at 40 % of the height. */
export async function clickOpenPanelTab(page: Page): Promise<void> {
  const box = await (await (await panelFrame(page)).frameElement()).boundingBox();
  if (!box) throw new Error('The panel frame has no box.');
  await page.mouse.click(box.x - 12, box.height * 0.4 + 24);
}

/**
 * What a person takes at least before clicking a sensitive action (reveal, grant): the panel ignores a click on a part
 * of it that has not been seen, unfaded and uncovered, for half a second (components/guard/useSeenByUser.ts).
 */
export function humanPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 800));
}

/** The text of the panel's first heading, once it has one. */
export async function panelHeading(page: Page, timeout = 10_000): Promise<string> {
  const frame = await panelFrame(page, timeout);
  const heading = frame.locator('h1, h2').first();
  await heading.waitFor({ timeout });
  return (await heading.textContent())?.trim() ?? '';
}

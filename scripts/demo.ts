// `npm run demo`: build, start the hub on its embedded database with the demo's customers, people and policy, serve
// demo pages on 127.0.0.1, configure the extension like a user, and open the pages in Chromium. `--vendure` reads the
// customers from a real Vendure server instead. With a display it stays open until Ctrl-C; headless (or --once) it
// takes screenshots to demo-output/, prints what was recognized where, and exits.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { configureFeed, launchWithExtension, panelFrame, panelHeading, setPolicyKeyOption } from './browser';
import { type DemoHub, startDemoHub } from './demo/hub';
import { type DemoCustomers, demoSearch, feedCustomers, registerDemoPages } from './demo/scenario';
import { startDemoSite } from './demo/site';
import { startVendureSource } from './demo/vendure-source';

const { values: args } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    customers: { type: 'string', default: '5000' },
    seed: { type: 'string', default: 'reconnu-demo' },
    'no-build': { type: 'boolean', default: false },
    vendure: { type: 'boolean', default: false },
  },
});
const interactive = !args.once && !!process.env.DISPLAY;
const outputDir = join(import.meta.dirname, '..', 'demo-output');
const customers = Number(args.customers);

if (!args['no-build']) execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: 'inherit' });

const site = await startDemoSite();
const demoPages = registerDemoPages(site, feedCustomers(args.seed));
let hub: DemoHub | null = null;
if (!args.vendure) {
  const started = Date.now();
  hub = await startDemoHub({
    dataDir: join(outputDir, 'hub'),
    customers: feedCustomers(args.seed),
    count: customers,
    story: demoPages.map((demoPage) => demoPage.customer),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Demo hub: ${hub.url} (${customers} customers pushed through its admin API in ${seconds} s)`);
}
console.log(`Demo pages: ${site.url}`);
const browser = await launchWithExtension({ headless: !interactive });
let stopVendure = async () => {};

const stop = async (code: number) => {
  await browser.close().catch(() => {});
  await site.close();
  await hub?.close();
  await stopVendure();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  let options: Page;
  let source: DemoCustomers;
  if (hub) {
    const started = Date.now();
    options = await configureFeed(browser, { url: hub.url, token: hub.tokens.agent }, customers);
    console.log(`Synced ${customers} customers in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    // The administrator's policy key: the panel then shows what the agent may do for each customer.
    await setPolicyKeyOption(options, hub.policyPublicKey);
    await options.getByText(/Empowerment policy .* in force/).waitFor({ timeout: 30_000 });
    console.log('Empowerment policy verified and in force.');
    source = feedCustomers(args.seed);
  } else {
    const vendure = await startVendureSource(browser, Math.min(customers, 200));
    stopVendure = vendure.stop;
    ({ options, customers: source } = vendure);
  }
  mkdirSync(outputDir, { recursive: true });
  // The whole page from its top: who you are, turning a site on, preferences, and the administration opened above.
  await options.evaluate(() => window.scrollTo(0, 0));
  await options.screenshot({ path: join(outputDir, 'options.png'), fullPage: true });
  let failures = 0;
  const pages = hub ? demoPages : registerDemoPages(site, source);
  for (const [i, demoPage] of pages.entries()) {
    const page = await browser.context.newPage();
    await page.goto(demoPage.url);
    const heading = await panelHeading(page).catch((error: Error) => `(no panel: ${error.message.split('\n')[0]})`);
    // Let "What I can do for this customer" fill in before the screenshot (the policy's gestures and budgets).
    await panelFrame(page)
      .then((frame) => frame.getByRole('combobox').first().waitFor({ timeout: 5_000 }))
      .catch(() => undefined);
    // The story's customers are the hub's; a Vendure server has its own history for them.
    const panelText = await panelFrame(page)
      .then((frame) => frame.locator('body').textContent())
      .catch(() => '');
    const missing = hub ? demoPage.story.filter((told) => !panelText?.includes(told)) : [];
    const ok = heading === demoPage.expected && missing.length === 0;
    if (!ok) failures++;
    console.log(
      `${ok ? '✔' : '✖'} ${demoPage.label}: recognized "${heading}"${heading === demoPage.expected ? '' : `, expected "${demoPage.expected}"`}${missing.length ? `; the panel does not show ${missing.join(', ')}` : ''}`,
    );
    const file = join(outputDir, `${i + 1}-${demoPage.label.replaceAll(' ', '-')}.png`);
    await page.screenshot({ path: file });
    console.log(`  screenshot: ${file}`);
  }
  // The side panel as store staff use it: a name typed with a typo, namesakes told apart by city and last order.
  const side = await browser.context.newPage();
  await side.setViewportSize({ width: 400, height: 720 });
  await side.goto(browser.extensionUrl('sidepanel.html'));
  await side.getByRole('combobox').fill(demoSearch(source));
  await side.getByRole('option').first().waitFor({ timeout: 10_000 });
  await side.screenshot({ path: join(outputDir, 'side-panel-search.png') });
  console.log(`  side panel search: ${join(outputDir, 'side-panel-search.png')}`);
  if (interactive) {
    console.log('\nChromium is open with the demo pages. Press Ctrl-C to stop everything.');
  } else {
    await stop(failures ? 1 : 0);
  }
} catch (error) {
  console.error(`Demo failed: ${(error as Error).message}`);
  await stop(1);
}

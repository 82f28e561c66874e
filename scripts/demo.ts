// `npm run demo`: build, start a demo feed and demo pages on 127.0.0.1, configure the extension like a user, and
// open the pages in Chromium. With a display it stays open until Ctrl-C; headless (or --once) it takes screenshots
// to demo-output/, prints what was recognized where, and exits.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configureFeed, launchWithExtension, panelHeading } from './browser';
import { demoSearch, registerDemoPages } from './demo/scenario';
import { startDemoSite } from './demo/site';
import { startFeedServer } from './feed-server/server';

const { values: args } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    customers: { type: 'string', default: '5000' },
    seed: { type: 'string', default: 'reconnu-demo' },
    'no-build': { type: 'boolean', default: false },
  },
});
const interactive = !args.once && !!process.env.DISPLAY;
const outputDir = join(import.meta.dirname, '..', 'demo-output');
const customers = Number(args.customers);

if (!args['no-build']) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const feed = await startFeedServer({ customers, seed: args.seed });
const site = await startDemoSite();
console.log(`Demo feed: ${feed.url} (${customers} customers, seed "${args.seed}")`);
console.log(`Demo pages: ${site.url}`);
const browser = await launchWithExtension({ headless: !interactive });

const stop = async (code: number) => {
  await browser.close().catch(() => {});
  await site.close();
  await feed.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const started = Date.now();
  const options = await configureFeed(browser, feed, customers);
  console.log(`Synced ${customers} customers in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  mkdirSync(outputDir, { recursive: true });
  await options.screenshot({ path: join(outputDir, 'options.png') });
  let failures = 0;
  for (const [i, demoPage] of registerDemoPages(site, args.seed).entries()) {
    const page = await browser.context.newPage();
    await page.goto(demoPage.url);
    const heading = await panelHeading(page).catch((error: Error) => `(no panel: ${error.message.split('\n')[0]})`);
    const ok = heading === demoPage.expected;
    if (!ok) failures++;
    console.log(
      `${ok ? '✔' : '✖'} ${demoPage.label}: recognized "${heading}"${ok ? '' : `, expected "${demoPage.expected}"`}`,
    );
    const file = join(outputDir, `${i + 1}-${demoPage.label.replaceAll(' ', '-')}.png`);
    await page.screenshot({ path: file });
    console.log(`  screenshot: ${file}`);
  }
  // The side panel as store staff use it: a name typed with a typo, namesakes told apart by city and last order.
  const side = await browser.context.newPage();
  await side.setViewportSize({ width: 400, height: 720 });
  await side.goto(browser.extensionUrl('sidepanel.html'));
  await side.getByRole('combobox').fill(demoSearch(args.seed));
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

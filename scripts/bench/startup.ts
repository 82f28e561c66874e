import { chromium } from 'playwright-core';
import { chromiumPath, configureFeed, launchWithExtension, panelFrame } from '../browser';
import { feedCustomers, registerDemoPages } from '../demo/scenario';
import { startDemoSite } from '../demo/site';
import { startFeedServer } from '../feed-server/server';
import { firstPaintAt, navigationStartedAt, panelPaintedAt } from './paint';
import { percentile, round } from './stats';

const RUNS = 5;
const SEED = 'bench-startup';

/** Browser launch → service worker ready → panel painted on the demo ticket, against a plain browser launch. */
export async function benchStartup(): Promise<Record<string, unknown>> {
  const feed = await startFeedServer({ customers: 2000, seed: SEED });
  const site = await startDemoSite();
  const ticket = registerDemoPages(site, feedCustomers(SEED))[0];
  if (!ticket) throw new Error('No demo ticket page.');
  const launchToWorker: number[] = [];
  const navigationToPanel: number[] = [];
  const baselineLaunch: number[] = [];
  const baselinePaint: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const launchedAt = performance.now();
      const browser = await launchWithExtension();
      launchToWorker.push(performance.now() - launchedAt);
      await configureFeed(browser, feed, 2000);
      const page = await browser.context.newPage();
      await page.goto(ticket.url);
      const painted = await panelPaintedAt(await panelFrame(page));
      navigationToPanel.push(painted - (await navigationStartedAt(page)));
      await browser.close();

      const baselineStarted = performance.now();
      const plain = await chromium.launch({
        executablePath: chromiumPath(),
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      const plainPage = await plain.newPage();
      baselineLaunch.push(performance.now() - baselineStarted);
      await plainPage.goto(ticket.url);
      baselinePaint.push((await firstPaintAt(plainPage)) - (await navigationStartedAt(plainPage)));
      await plain.close();
      console.log(
        `run ${run + 1}/${RUNS}: worker ${round(launchToWorker[run] as number)} ms, panel ${round(navigationToPanel[run] as number)} ms`,
      );
    }
  } finally {
    await site.close();
    await feed.close();
  }
  return {
    runs: RUNS,
    launchToWorkerMs: round(percentile(launchToWorker, 50)),
    navigationToPanelPaintMs: round(percentile(navigationToPanel, 50)),
    baselineLaunchMs: round(percentile(baselineLaunch, 50)),
    baselinePageFirstPaintMs: round(percentile(baselinePaint, 50)),
  };
}

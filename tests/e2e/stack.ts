// The stack most end-to-end tests run against: a reference feed (generated customers plus some given whole), the
// fixture server, and the built extension in Chromium, synced through its options page.
import type { Customer } from '../../lib/feed/schema';
import { configureFeed, type ExtensionBrowser, launchWithExtension } from '../../scripts/browser';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';

export interface Stack {
  feed: FeedServer;
  fixtures: FixtureServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

export async function startStack(options: {
  customers: number;
  seed: string;
  people?: Customer[];
  /** Mix the reference feed's hostile records in (scripts/feed-server/hostile.ts). */
  hostile?: boolean;
}): Promise<Stack> {
  const feed = await startFeedServer({ customers: options.customers, seed: options.seed });
  const given = feed.control.put(options.people ?? []);
  const hostile = options.hostile ? feed.control.putHostile() : [];
  const landing = hostile.filter((entry) => entry.outcome === 'lands').length;
  const fixtures = await startFixtureServer();
  const browser = await launchWithExtension();
  await configureFeed(browser, feed, options.customers + given.length + landing);
  return {
    feed,
    fixtures,
    browser,
    close: async () => {
      await browser.close();
      await fixtures.close();
      await feed.close();
    },
  };
}

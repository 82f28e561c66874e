// The stack most end-to-end tests run against: the hub (in memory, with generated customers plus some given whole),
// the fixture server, and the built extension in Chromium, synced through its options page as the demo agent. With
// `hostile`, the reference feed instead: it serves records the hub would refuse at the door, to test quarantine.
import type { Customer } from '../../lib/feed/schema';
import { configureFeed, type ExtensionBrowser, launchWithExtension } from '../../scripts/browser';
import { startFeedServer } from '../../scripts/feed-server/server';
import { type FixtureServer, startFixtureServer } from '../../scripts/fixture-server';
import { startTestHub } from './test-hub';

export interface Stack {
  fixtures: FixtureServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

interface Source {
  url: string;
  token: string;
  /** How many customers the extension should hold once synced. */
  expected: number;
  close(): Promise<void>;
}

async function hubSource(options: { customers: number; seed: string; people: Customer[] }): Promise<Source> {
  const hub = await startTestHub(options);
  return { ...hub.agentFeed, expected: hub.expected, close: () => hub.close() };
}

async function hostileFeedSource(options: { customers: number; seed: string; people: Customer[] }): Promise<Source> {
  const feed = await startFeedServer({ customers: options.customers, seed: options.seed });
  const given = feed.control.put(options.people);
  const landing = feed.control.putHostile().filter((entry) => entry.outcome === 'lands').length;
  return {
    url: feed.url,
    token: feed.token,
    expected: options.customers + given.length + landing,
    close: () => feed.close(),
  };
}

export async function startStack(options: {
  customers: number;
  seed: string;
  people?: Customer[];
  /** Mix the reference feed's hostile records in (scripts/feed-server/hostile.ts). */
  hostile?: boolean;
}): Promise<Stack> {
  const settings = { customers: options.customers, seed: options.seed, people: options.people ?? [] };
  const source = options.hostile ? await hostileFeedSource(settings) : await hubSource(settings);
  const fixtures = await startFixtureServer();
  const browser = await launchWithExtension();
  await configureFeed(browser, { url: source.url, token: source.token }, source.expected);
  return {
    fixtures,
    browser,
    close: async () => {
      await browser.close();
      await fixtures.close();
      await source.close();
    },
  };
}

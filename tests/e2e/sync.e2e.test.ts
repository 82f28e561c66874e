import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  configureFeed,
  type ExtensionBrowser,
  launchWithExtension,
  openAdministration,
  panelHeading,
} from '../../scripts/browser';
import { startDemoSite } from '../../scripts/demo/site';
import { generateCustomer } from '../../scripts/feed-server/generator';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { diffWithTruth, localCustomers, rawLocalStoreText, supersededCopies } from './local-store';

let feed: FeedServer | undefined;
let browser: ExtensionBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  await feed?.close();
  browser = undefined;
  feed = undefined;
});

async function truth(server: FeedServer): Promise<[string, number][]> {
  const rows: [string, number][] = [];
  for await (const row of server.control.truth()) rows.push(row);
  return rows;
}

async function syncAndWait(options: Page, customers: number): Promise<void> {
  await options.getByRole('button', { name: 'Sync now' }).click();
  const text = `Up to date · ${customers.toLocaleString('en')} customers`;
  await options.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 90_000 });
}

/** The primary keys of the stored segments: a store wiped and filled again gets new ones. */
function segmentKeys(extensionPage: Page): Promise<number[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('reconnu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('segments').objectStore('segments').getAllKeys();
          request.onsuccess = () => {
            resolve(request.result as number[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function expectSameAsServer(options: Page, server: FeedServer): Promise<void> {
  const diff = diffWithTruth(await localCustomers(options), await truth(server));
  expect(diff).toEqual({ missing: [], stale: [], extra: [], duplicated: [] });
}

describe('sync against the reference feed', () => {
  it('does a full sync, then an incremental one with updates, additions and an erasure', async () => {
    feed = await startFeedServer({ customers: 1500, seed: 'sync-incremental' });
    browser = await launchWithExtension();
    const options = await configureFeed(browser, feed, 1500);
    await expectSameAsServer(options, feed);

    const erased = generateCustomer('sync-incremental', 9);
    const change = await feed.control.mutate({ update: 40, add: 12, deleteIds: [erased.id], delete: 4 });
    expect(change.deleted).toContain(erased.id);
    await syncAndWait(options, 1500 + 12 - change.deleted.length);
    await expectSameAsServer(options, feed);
    // The 40 superseded copies are pruned once the sync is up to date.
    await expect.poll(async () => supersededCopies(await localCustomers(options))).toBe(0);

    // Encrypted at rest: no customer's email, phone or name is readable in any stored key or value.
    const raw = await rawLocalStoreText(options);
    expect(raw).toContain(generateCustomer('sync-incremental', 10).id); // ids stay readable: the scan sees the data
    for (const index of [10, 11, 700]) {
      const kept = generateCustomer('sync-incremental', index);
      const digits = (kept.phones?.[0] ?? '').replace(/\D/g, '').slice(-8);
      for (const text of [kept.emails?.[0], kept.name?.family, kept.name?.given, digits]) {
        if (text && text.length >= 5) expect(raw).not.toContain(text); // shorter ones could occur in ciphertext by chance
      }
    }

    // The erased customer is gone from every index: their email no longer recognizes anyone.
    const site = await startDemoSite();
    const page = await browser.context.newPage();
    const email = erased.emails?.[0] as string;
    await page.goto(site.page('erased', 'ticket', { ticket: '9', email, requesterName: '', requesterFirstName: '' }));
    expect(await panelHeading(page)).toBe('Unknown customer');
    await site.close();
  });

  it('after a browser restart, stays locked while the feed is down, and opens the store once it is back', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'reconnu-restart-'));
    onTestFinished(() => rmSync(profile, { recursive: true, force: true }));
    feed = await startFeedServer({ customers: 300, seed: 'sync-restart' });
    const { token } = feed;
    const port = Number(new URL(feed.url).port);
    browser = await launchWithExtension({ profile });
    await configureFeed(browser, feed, 300);
    await browser.close();
    await feed.close();

    browser = await launchWithExtension({ profile }); // the session key is gone with the browser
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const locked = options.getByRole('status').filter({ hasText: 'locked until the feed provides its key' });
    await locked.waitFor({ timeout: 30_000 });
    expect(await localCustomers(options)).toHaveLength(300); // kept, unreadable
    const segments = await segmentKeys(options);

    feed = await startFeedServer({ customers: 300, seed: 'sync-restart', token, port });
    await syncAndWait(options, 300);
    expect(await segmentKeys(options)).toEqual(segments); // opened with the unwrapped key, not wiped and refilled
    const site = await startDemoSite();
    const page = await browser.context.newPage();
    const known = generateCustomer('sync-restart', 7);
    const email = known.emails?.[0] as string;
    await page.goto(site.page('restart', 'ticket', { ticket: '7', email, requesterName: '', requesterFirstName: '' }));
    expect(await panelHeading(page)).not.toBe('Unknown customer');
    await site.close();
  });

  it('survives every fault switch with nothing lost, duplicated or skipped', async () => {
    feed = await startFeedServer({ customers: 4000, seed: 'sync-faults', maxPageSize: 100 });
    await feed.control.setFaults({
      seed: 'faults',
      latencyMs: 5,
      error500: 0.15,
      rate429: 0.1,
      retryAfterSeconds: 1,
      truncated: 0.1,
      drop: 0.1,
      invalid: 0.3,
    });
    browser = await launchWithExtension();
    const options = await configureFeed(browser, feed, 4000);
    await feed.control.mutate({ update: 200, delete: 20, add: 50 });
    await syncAndWait(options, 4030);
    await feed.control.setFaults({});
    await syncAndWait(options, 4030);
    await expectSameAsServer(options, feed);

    const stats = feed.control.stats();
    const statuses = JSON.stringify(stats);
    for (const status of ['500', '429']) expect(statuses).toContain(`"${status}"`);
    // Injected invalid records are quarantined, with their id and reason, in the options page.
    await openAdministration(options);
    const issues = options.getByRole('region', { name: 'Sync issues' }).getByRole('row');
    await expect.poll(() => issues.count()).toBeGreaterThan(0);
    expect(await issues.first().textContent()).toMatch(/invalid_/);
  });

  it('resumes where it was after the service worker is killed mid-sync', async () => {
    feed = await startFeedServer({ customers: 30_000, seed: 'sync-kill' });
    await feed.control.setFaults({ latencyMs: 150 });
    browser = await launchWithExtension();
    const options = await configureFeed(browser, feed);
    await options
      .getByRole('status')
      .filter({ hasText: /Syncing… · ([3-9],\d{3}|\d{2},\d{3}) customers/ })
      .waitFor();

    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const interrupted = (await localCustomers(options)).length;
    expect(interrupted).toBeGreaterThan(0);
    expect(interrupted).toBeLessThan(30_000);

    await feed.control.setFaults({});
    await syncAndWait(options, 30_000); // "Sync now" wakes the worker, which resumes from its checkpoint
    await expectSameAsServer(options, feed);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../../tests/unlocked-db';
import { wooConnector } from '../../../tests/woocommerce-run';
import { startWooSite } from '../../../tests/woocommerce-site';
import { findByKey, getCustomer, lookupKey, type ReconnuDb, readCheckpoint, readQuarantine } from '../../store';
import { runSync, type SyncDeps } from '../../sync/engine';
import type { SyncStatus } from '../../sync/status';

let woo: Awaited<ReturnType<typeof startWooSite>>;
let db: ReconnuDb;
let published: SyncStatus[];
let now: number;

beforeEach(async () => {
  woo = await startWooSite();
  db = await unlockedDb('woocommerce-engine');
  published = [];
  now = woo.site.clock;
});
afterEach(async () => {
  await db.delete();
  await woo.close();
});

/** The sync engine, its pages fetched from the WooCommerce connector instead of a Reconnu feed. */
function syncDeps(): SyncDeps {
  const connector = wooConnector(woo.url);
  return {
    db,
    publish: (status) => {
      published.push(status);
    },
    // The engine gives the connector the stored ids (from the key index) and this clock.
    source: connector,
    now: () => new Date(now),
    pageSize: 3,
    retryDelay: () => 0,
  };
}

describe('WooCommerce through the sync engine', () => {
  it('lands every valid customer, quarantines the malformed one, and erases a deleted one on a later run', async () => {
    const outcome = await runSync(syncDeps());

    expect(outcome).toEqual({ ok: true, applied: 7 });
    expect(await getCustomer(db, 'woo:11')).toMatchObject({ name: { given: 'Élise', family: 'Lefèvre' } });
    expect((await findByKey(db, lookupKey('email', 'Marie.Dubois@example.be') ?? '')).map((c) => c.id)).toEqual([
      'woo:20',
    ]);
    expect((await getCustomer(db, 'woo:20'))?.orders?.[0]?.lines[0]?.returned).toBe(1);
    expect(await getCustomer(db, 'woo:17')).toBeUndefined();
    const issues = new Map((await readQuarantine(db)).map((q) => [q.id, q.reason]));
    expect(issues.get('woo:17')).toBe('emails.1: must not hold control or invisible characters');
    // The documentation's fictional "(555) 555-5555" is no valid US number: stored, reported, not indexed.
    expect(issues.get('woo:14')).toMatch(/^Stored, but "\(555\) 555-5555"/);
    expect(await getCustomer(db, 'woo:14')).toMatchObject({ phones: ['(555) 555-5555'] });
    expect((await readCheckpoint(db)).customers).toBe(6);
    expect(published.some((status) => status.total === 7)).toBe(true);

    woo.site.customers = woo.site.customers.filter((customer) => customer.id !== 14);
    woo.site.clock += 16 * 60_000;
    now += 16 * 60_000;
    expect((await runSync(syncDeps())).ok).toBe(true);

    expect(await getCustomer(db, 'woo:14')).toBeUndefined();
    expect((await readCheckpoint(db)).customers).toBe(5);
  });
});

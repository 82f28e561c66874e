import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FeedError } from '../../feed/client';
import type { Customer } from '../../feed/schema';
import { ReconnuDb } from '../db';
import { readCheckpoint } from '../meta-cache';
import { getCustomer } from '../read';
import { clearLocalStore } from '../wipe';
import { applyPage } from '../write';
import { readWrappedKey, restoreSessionKey } from './store-key';
import { type FetchSecret, unlockStore } from './unlock';

const claire: Customer = { id: 'cus_1', version: 1, updatedAt: '2026-01-01T00:00:00Z', emails: ['claire@exemple.fr'] };
const secret = crypto.getRandomValues(new Uint8Array(32));
const feed: FetchSecret = async () => secret;
const offline: FetchSecret = async () => {
  throw new FeedError('Cannot reach the feed (fetch failed).', null, true);
};
const withoutEndpoint: FetchSecret = async () => null;

let name: string;
let db: ReconnuDb;
beforeEach(() => {
  name = `unlock-${Math.random()}`;
  db = new ReconnuDb(name);
});
afterEach(async () => {
  await db.delete();
});

/** The browser closes: memory and session storage are gone, local storage and IndexedDB stay. */
async function restartBrowser(): Promise<void> {
  db.close();
  await fakeBrowser.storage.session.clear();
  db = new ReconnuDb(name);
}

async function syncClaire(): Promise<void> {
  await applyPage(db, { changes: [claire], quarantined: [], cursor: 'c1', syncedAt: '2026-01-01T00:00:00Z' });
}

describe('unlockStore', () => {
  it('starts a key on first use, keeps it wrapped, and opens the store again after a browser restart', async () => {
    expect(await unlockStore(db, feed)).toEqual({ state: 'reset' });
    await syncClaire();
    const wrapped = await readWrappedKey();
    expect(wrapped).not.toBeNull();
    const session = await fakeBrowser.storage.session.get(null);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(Object.values(session)[0]);

    await restartBrowser();
    expect(await getCustomer(db, 'cus_1')).toBeUndefined(); // locked until unlocked
    expect(await unlockStore(db, feed)).toEqual({ state: 'unlocked' });
    expect((await getCustomer(db, 'cus_1'))?.emails).toEqual(['claire@exemple.fr']);
  });

  it('restores the session key without the network when the worker restarts', async () => {
    await unlockStore(db, feed);
    await syncClaire();
    db.close();
    db = new ReconnuDb(name);
    expect(await restoreSessionKey(db)).toBe(true);
    expect(await getCustomer(db, 'cus_1')).toBeDefined();
  });

  it('stays locked while the feed cannot be reached, then unlocks at the next attempt', async () => {
    await unlockStore(db, feed);
    await syncClaire();
    await restartBrowser();
    const locked = await unlockStore(db, offline);
    expect(locked).toMatchObject({ state: 'locked', error: { status: null } });
    expect(db.unlocked).toBe(false);
    expect(await getCustomer(db, 'cus_1')).toBeUndefined();
    expect(await readCheckpoint(db)).toMatchObject({ cursor: 'c1', customers: 1 }); // kept, unreadable
    expect(await unlockStore(db, feed)).toEqual({ state: 'unlocked' });
    expect(await getCustomer(db, 'cus_1')).toBeDefined();
  });

  it('wipes the store under a fresh key when the feed secret no longer opens it', async () => {
    await unlockStore(db, feed);
    await syncClaire();
    await restartBrowser();
    const other = crypto.getRandomValues(new Uint8Array(32));
    expect(await unlockStore(db, async () => other)).toEqual({ state: 'reset' });
    expect(await readCheckpoint(db)).toMatchObject({ cursor: null, customers: 0 });
    expect(await db.segments.count()).toBe(0);
    await restartBrowser();
    expect(await unlockStore(db, async () => other)).toEqual({ state: 'unlocked' }); // wrapped under the new secret
  });

  it('keeps the key for the browser session only when the feed has no storage key', async () => {
    expect(await unlockStore(db, withoutEndpoint)).toEqual({ state: 'reset' });
    await syncClaire();
    expect(await readWrappedKey()).toBeNull();
    expect(await unlockStore(db, withoutEndpoint)).toEqual({ state: 'unlocked' });
    await restartBrowser();
    expect(await unlockStore(db, withoutEndpoint)).toEqual({ state: 'reset' });
    expect(await getCustomer(db, 'cus_1')).toBeUndefined();
  });

  it('wraps a key started offline once the feed answers', async () => {
    expect(await unlockStore(db, offline)).toEqual({ state: 'reset' });
    expect(await readWrappedKey()).toBeNull();
    await syncClaire();
    expect(await unlockStore(db, feed)).toEqual({ state: 'unlocked' });
    expect(await readWrappedKey()).not.toBeNull();
    await restartBrowser();
    expect(await unlockStore(db, feed)).toEqual({ state: 'unlocked' });
    expect(await getCustomer(db, 'cus_1')).toBeDefined();
  });

  it('forgets the key with the data when the store is cleared', async () => {
    await unlockStore(db, feed);
    await syncClaire();
    await clearLocalStore(db);
    expect(db.unlocked).toBe(false);
    expect(await readWrappedKey()).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await restoreSessionKey(db)).toBe(false);
  });
});

// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import type { Customer } from '../feed/schema';
import { deliverOutbox, GesturesDb, type OutboxItem } from './outbox';

const customer: Customer = { id: 'ob_anna', version: 1, updatedAt: '2026-11-01T10:00:00Z' };
const item = (key: string): OutboxItem => ({
  key,
  body: {
    customerId: customer.id,
    gesture: 'goodwill',
    size: 1000,
    currency: 'EUR',
    reason: 'Late parcel',
    channel: 'phone',
    approval: false,
  },
  agentId: 'usr_lea',
  agentName: 'Léa Martin',
  createdAt: new Date().toISOString(),
  attempts: 0,
});

let feed: FeedServer | undefined;
afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

describe('gesture outbox', () => {
  it('keeps gestures while the feed is unreachable, then delivers each exactly once', async () => {
    const db = new GesturesDb(`outbox-${Math.random()}`);
    await db.outbox.bulkAdd([item('a'), item('b')]);
    const offline = await deliverOutbox(db, { feedUrl: 'http://127.0.0.1:9', token: 'x' });
    expect(offline).toMatchObject({ sent: 0, error: expect.any(String) });
    expect(await db.outbox.count()).toBe(2);

    feed = await startFeedServer({ customers: 0, seed: 'outbox', token: 'ob' });
    feed.control.put([customer]);
    const config = { feedUrl: feed.url, token: 'ob' };
    expect(await deliverOutbox(db, config)).toMatchObject({ sent: 2, failed: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.known.count()).toBe(2);
    // A lost acknowledgement: the same key sent again is stored once.
    await db.outbox.add(item('a'));
    await deliverOutbox(db, config);
    expect(feed.gestures.records).toHaveLength(2);
  });

  it('stops retrying a gesture the feed refuses for good, and says why', async () => {
    feed = await startFeedServer({ customers: 0, seed: 'outbox', token: 'ob' });
    const db = new GesturesDb(`outbox-${Math.random()}`);
    await db.outbox.add(item('unknown-customer'));
    await deliverOutbox(db, { feedUrl: feed.url, token: 'ob' });
    expect((await db.outbox.get('unknown-customer'))?.error).toMatch(/404/);
  });

  it('sends a gesture only under the token of the agent who granted it; others wait, at most 30 days', async () => {
    feed = await startFeedServer({ customers: 0, seed: 'outbox', token: 'ob' });
    feed.control.put([customer]);
    const db = new GesturesDb(`outbox-${Math.random()}`);
    const monthOld = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await db.outbox.bulkAdd([item('lea-today'), { ...item('lea-last-month'), createdAt: monthOld }]);

    const asCamille = { feedUrl: feed.url, token: 'ob-supervisor' };
    expect(await deliverOutbox(db, asCamille)).toMatchObject({ sent: 0, failed: 0 });
    expect(feed.gestures.records).toHaveLength(0);
    expect((await db.outbox.toArray()).map((kept) => kept.key)).toEqual(['lea-today']);

    expect(await deliverOutbox(db, { feedUrl: feed.url, token: 'ob' })).toMatchObject({ sent: 1 });
    expect(feed.gestures.records).toMatchObject([{ agentId: 'usr_lea', customerId: customer.id }]);
  });
});

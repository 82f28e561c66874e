import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { generateDataKey } from '../store';
import { type AuditFacts, verifyChain } from './chain';
import { AuditDb, createAuditLog } from './log';
import { uploadAudit } from './upload';

const storeKey = await generateDataKey();
const sealing = { reasonKey: () => storeKey };

const view = (customerId: string): AuditFacts => ({
  at: '2026-11-26T10:00:00.000Z',
  user: 'usr_lea',
  action: 'view',
  customerId,
  where: 'acme.zendesk.com',
  adapter: 'zendesk',
  foundBy: 'email',
});

let db: AuditDb;
let feed: FeedServer | undefined;
beforeEach(() => {
  db = new AuditDb(`audit-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
  await feed?.close();
  feed = undefined;
});

describe('audit chain', () => {
  it('chains entries and notices any change, removal or reordering', async () => {
    const log = createAuditLog(db, sealing);
    await Promise.all(['cus_1', 'cus_2', 'cus_3'].map((id) => log.append(view(id))));
    const entries = await db.entries.orderBy('seq').toArray();
    expect(entries.map((entry) => [entry.seq, entry.customerId])).toEqual([
      [1, 'cus_1'],
      [2, 'cus_2'],
      [3, 'cus_3'],
    ]);
    expect(await log.verify()).toEqual({ ok: true, entries: 3 });

    const [first, second, third] = entries as [(typeof entries)[0], (typeof entries)[0], (typeof entries)[0]];
    expect(await verifyChain([{ ...first, customerId: 'cus_9' }, second, third])).toMatchObject({ ok: false, seq: 1 });
    expect(await verifyChain([first, third])).toMatchObject({ ok: false, seq: 3 });
    expect(await verifyChain([second, first, third])).toMatchObject({ ok: false, seq: 2 });
    await db.entries.update(2, { where: 'edited later' });
    expect(await log.verify()).toEqual({ ok: false, seq: 2, problem: 'content altered' });
  });
});

describe('audit upload', () => {
  it('keeps entries until the feed acknowledges them, across an offline period and a restart', async () => {
    const offline = { feedUrl: 'http://127.0.0.1:9', token: 't' };
    const log = createAuditLog(db, sealing);
    await log.append(view('cus_1'));
    await log.append(view('cus_2'));
    expect(await uploadAudit(log, offline)).toMatchObject({ ok: false });
    expect(await log.pending(10)).toHaveLength(2);

    feed = await startFeedServer({ customers: 0, seed: 'audit' });
    const config = { feedUrl: feed.url, token: feed.token };
    const restarted = createAuditLog(new AuditDb(db.name), sealing); // a new service worker, same database
    await restarted.append(view('cus_3'));
    expect(await uploadAudit(restarted, config)).toEqual({ ok: true, sent: 3 });
    expect(await restarted.pending(10)).toEqual([]);
    expect(feed.control.auditEntries()).toMatchObject([
      { seq: 1, customerId: 'cus_1' },
      { seq: 2, customerId: 'cus_2' },
      { seq: 3, customerId: 'cus_3' },
    ]);
  });

  it('is idempotent when an acknowledgement was lost, and refuses a tampered chain', async () => {
    feed = await startFeedServer({ customers: 0, seed: 'audit' });
    const config = { feedUrl: feed.url, token: feed.token };
    const log = createAuditLog(db, sealing);
    await log.append(view('cus_1'));
    await uploadAudit(log, config);
    await db.meta.update('state', { ackedSeq: 0 }); // as if the answer never came back
    await log.append(view('cus_2'));
    expect(await uploadAudit(log, config)).toEqual({ ok: true, sent: 2 });
    expect(feed.control.auditEntries()).toHaveLength(2);

    await log.append(view('cus_3'));
    await db.entries.update(3, { customerId: 'cus_4' });
    const refused = await uploadAudit(log, config);
    expect(refused).toEqual({ ok: false, error: 'The feed answered 409.' });
    expect(feed.control.auditEntries()).toHaveLength(2);
  });

  it('lets supervisors, and only them, read the team audit', async () => {
    feed = await startFeedServer({ customers: 0, seed: 'audit' });
    const log = createAuditLog(db, sealing);
    await log.append(view('cus_1'));
    await uploadAudit(log, { feedUrl: feed.url, token: feed.token });
    const read = (token: string) =>
      fetch(`${feed?.url}/v1/audit?customer=cus_1`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await read(feed.token)).status).toBe(403);
    const answer = await (await read(`${feed.token}-supervisor`)).json();
    expect(answer.entries).toMatchObject([{ customerId: 'cus_1', user: 'usr_lea', uploadedBy: 'usr_lea' }]);
  });

  it('is refused by the feed when malformed or not chained', async () => {
    feed = await startFeedServer({ customers: 0, seed: 'audit' });
    const post = (body: string) =>
      fetch(`${feed?.url}/v1/audit`, { method: 'POST', body, headers: { Authorization: `Bearer ${feed?.token}` } });
    expect((await post('{"entries": 3}')).status).toBe(400);
    expect((await post(JSON.stringify({ entries: [{ kind: 'view', customerId: 'cus_1' }] }))).status).toBe(400);
    const log = createAuditLog(db, sealing);
    const [first, second] = [await log.append(view('cus_1')), await log.append(view('cus_2'))];
    expect(await (await post(JSON.stringify({ entries: [first, second] }))).json()).toEqual({
      accepted: 2,
      duplicates: 0,
    });
    expect((await post(JSON.stringify({ entries: [{ ...second, seq: 4 }] }))).status).toBe(409);
  });
});

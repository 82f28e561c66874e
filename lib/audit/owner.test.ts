// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { fetchStorageSecret } from '../feed/client';
import { exportDataKey, generateDataKey, wrapDataKey } from '../store';
import type { AuditFacts } from './chain';
import { AuditDb, createAuditLog } from './log';
import { uploadAudit } from './upload';

const LEA = 'usr_lea';
const CAMILLE = 'usr_camille';
const facts = (user: string, customerId: string, reason?: string): AuditFacts => ({
  at: '2026-11-26T10:00:00.000Z',
  user,
  action: reason ? 'reveal' : 'view',
  customerId,
  where: 'side panel',
  foundBy: reason ? 'reveal' : 'search',
  ...(reason && { reason }),
});

let db: AuditDb;
let storeKey: CryptoKey;
let feed: FeedServer;
const lea = () => ({ feedUrl: feed.url, token: feed.token });
const camille = () => ({ feedUrl: feed.url, token: `${feed.token}-supervisor` });
const uploaded = () => feed.control.auditEntries() as { customerId: string; reason?: string; uploadedBy: string }[];
const wrappedFor = async (config: { feedUrl: string; token: string }) =>
  wrapDataKey(await exportDataKey(storeKey), (await fetchStorageSecret(config)) ?? new Uint8Array(32));

beforeEach(async () => {
  db = new AuditDb(`owner-${Math.random()}`);
  storeKey = await generateDataKey();
  feed = await startFeedServer({ customers: 0, seed: 'audit-owner' });
});
afterEach(async () => {
  await db.delete();
  await feed.close();
});

describe('audit: reasons sealed at rest', () => {
  it('stores no reveal reason in clear, yet the feed receives it and the chain holds', async () => {
    const log = createAuditLog(db, { reasonKey: () => storeKey });
    await log.append(facts(LEA, 'cus_1', 'Called from +33 6 12 34 56 78'));
    const [stored] = await db.entries.toArray();
    expect(stored).not.toHaveProperty('reason');
    expect(new TextDecoder().decode(stored?.sealedReason?.data)).not.toContain('+33');
    expect((await log.recent(1))[0]?.reason).toBe('Called from +33 6 12 34 56 78');
    expect(await log.verify()).toEqual({ ok: true, entries: 1 });

    expect(await uploadAudit(log, lea())).toEqual({ ok: true, sent: 1 });
    expect(uploaded()[0]).toMatchObject({ reason: 'Called from +33 6 12 34 56 78', uploadedBy: LEA });
  });

  it('records no reveal while the store is locked, and never opens a reason with another key', async () => {
    const locked = createAuditLog(db, {
      reasonKey: () => {
        throw new Error('The local store is locked.');
      },
    });
    await expect(locked.append(facts(LEA, 'cus_1', 'Asked for a receipt'))).rejects.toThrow(/locked/);
    expect(await db.entries.count()).toBe(0);

    await createAuditLog(db, { reasonKey: () => storeKey }).append(facts(LEA, 'cus_1', 'Asked for a receipt'));
    const other = await generateDataKey();
    await expect(createAuditLog(db, { reasonKey: () => other }).recent(1)).rejects.toThrow();
  });
});

describe('audit: entries are sent only under their owner’s token', () => {
  it('closing the chain erases what was acknowledged, holds what was not, and starts a new chain', async () => {
    const log = createAuditLog(db, { reasonKey: () => storeKey });
    await log.append(facts(LEA, 'cus_1'));
    await uploadAudit(log, lea());
    await log.append(facts(LEA, 'cus_2', 'Customer’s daughter, Anna Roy'));
    const { device } = await log.state();

    await log.closeChain(await wrappedFor(lea()));
    expect(await db.entries.count()).toBe(0);
    expect(await db.held.toArray()).toMatchObject([{ device, seq: 2, user: LEA, customerId: 'cus_2' }]);
    expect(JSON.stringify(await db.held.toArray())).not.toContain('Anna');
    const next = await log.append(facts(CAMILLE, 'cus_3'));
    expect(next).toMatchObject({ seq: 1, prev: '0'.repeat(64) });
    expect(next.device).not.toBe(device);
    expect(await log.verify()).toEqual({ ok: true, entries: 1 });
  });

  it('sends what another user left unsent only when that user signs in again, reasons intact', async () => {
    const log = createAuditLog(db, { reasonKey: () => storeKey });
    await log.append(facts(LEA, 'cus_1', 'Anna Roy asked for the invoice'));
    await log.closeChain(await wrappedFor(lea())); // Léa signed out offline

    await log.append(facts(CAMILLE, 'cus_2'));
    expect(await uploadAudit(log, camille())).toEqual({ ok: true, sent: 1 });
    expect(uploaded()).toMatchObject([{ customerId: 'cus_2', uploadedBy: CAMILLE }]);

    expect(await uploadAudit(log, lea())).toEqual({ ok: true, sent: 1 });
    expect(uploaded()[1]).toMatchObject({
      customerId: 'cus_1',
      reason: 'Anna Roy asked for the invoice',
      uploadedBy: LEA,
    });
    expect(await db.held.count()).toBe(0);
    expect(await db.heldKeys.count()).toBe(0);
  });

  it('stops at another user’s entry in the current chain and holds it for them', async () => {
    const log = createAuditLog(db, { reasonKey: () => storeKey });
    await log.append(facts(LEA, 'cus_1'));
    await log.append(facts(CAMILLE, 'cus_2'));
    expect(await uploadAudit(log, lea())).toEqual({ ok: true, sent: 1 });
    expect(uploaded().map((entry) => entry.customerId)).toEqual(['cus_1']);
    expect(await db.held.toArray()).toMatchObject([{ user: CAMILLE, customerId: 'cus_2' }]);

    expect(await uploadAudit(log, camille())).toEqual({ ok: true, sent: 1 });
    expect(uploaded()[1]).toMatchObject({ customerId: 'cus_2', uploadedBy: CAMILLE });
  });

  it('keeps held reveals another user’s secret cannot open, and drops held entries after 30 days', async () => {
    const log = createAuditLog(db, { reasonKey: () => storeKey });
    await log.append(facts(LEA, 'cus_1', 'Asked for a receipt'));
    await log.closeChain(await wrappedFor(camille())); // wrapped under a secret that is not Léa's
    expect(await uploadAudit(log, lea())).toEqual({ ok: true, sent: 0 });
    expect(await db.held.count()).toBe(1);

    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await uploadAudit(log, lea(), later)).toEqual({ ok: true, sent: 0 });
    expect(await db.held.count()).toBe(0);
    expect(await db.heldKeys.count()).toBe(0);
    expect(uploaded()).toEqual([]);
  });
});

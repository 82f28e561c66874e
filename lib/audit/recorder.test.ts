import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMe } from '../feed/me';
import { generateDataKey } from '../store';
import { verifyChain } from './chain';
import { AuditDb, createAuditLog } from './log';
import { createViewRecorder } from './recorder';

const storeKey = await generateDataKey();
const sealing = { reasonKey: () => storeKey };

let db: AuditDb;
beforeEach(async () => {
  db = new AuditDb(`recorder-${Math.random()}`);
  await setMe({ id: 'usr_lea', name: 'Léa', email: 'lea@shop.example', role: 'agent' });
});
afterEach(async () => {
  await db.delete();
});

const view = (customerId: string) => ({ action: 'view' as const, customerId, where: 'side panel', foundBy: 'search' });

describe('view recorder', () => {
  it('writes views asked together in one transaction, chained in the order asked', async () => {
    const log = createAuditLog(db, sealing);
    const batches: number[] = [];
    const record = createViewRecorder(
      {
        ...log,
        appendAll: (all) => {
          batches.push(all.length);
          return log.appendAll(all);
        },
      },
      async () => undefined,
    );
    await Promise.all(['cus_1', 'cus_2', 'cus_1', 'cus_3'].map((id) => record(view(id))));
    expect(batches).toEqual([3]); // the second view of cus_1 at the same place is the same view
    const entries = await db.entries.orderBy('seq').toArray();
    expect(entries.map((entry) => [entry.customerId, entry.user])).toEqual([
      ['cus_1', 'usr_lea'],
      ['cus_2', 'usr_lea'],
      ['cus_3', 'usr_lea'],
    ]);
    expect(await verifyChain(entries)).toEqual({ ok: true, entries: 3 });
  });

  it('writes a reveal at once, with the views asked before it; settled() writes what waits', async () => {
    const record = createViewRecorder(createAuditLog(db, sealing), async () => undefined);
    const shown = record(view('cus_1'));
    await record({ action: 'reveal', customerId: 'cus_1', where: 'side panel', foundBy: 'reveal', reason: 'asked' });
    await shown;
    expect((await db.entries.toArray()).map((entry) => entry.action)).toEqual(['view', 'reveal']);
    void record(view('cus_2'));
    await record.settled();
    expect(await db.entries.count()).toBe(3);
  });

  it('tries a failed write again, and records a view again once it could not be written', async () => {
    const log = createAuditLog(db, sealing);
    let failures = 3;
    const record = createViewRecorder(
      { ...log, appendAll: (all) => (failures-- > 0 ? Promise.reject(new Error('disk')) : log.appendAll(all)) },
      async () => undefined,
    );
    await expect(record(view('cus_1'))).rejects.toThrow('disk');
    await record(view('cus_1'));
    expect((await db.entries.toArray()).map((entry) => entry.customerId)).toEqual(['cus_1']);
  });
});

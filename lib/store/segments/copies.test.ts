import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedDb } from '../../../tests/unlocked-db';
import type { Customer } from '../../feed/schema';
import type { ReconnuDb } from '../db';
import { pendingRemovals } from '../lookup-index/purge';
import { getCustomer } from '../read';
import { applyPage } from '../write';
import { prepareRemovals, removeCopies } from './copies';

const customer = (id: string): Customer => ({
  id,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  name: { given: 'Claire', family: `Martin ${id}` },
  emails: [`${id}@example.fr`],
});

let db: ReconnuDb;
let seg: number;
beforeEach(async () => {
  db = await unlockedDb('copies');
  const changes = ['cus_1', 'cus_2', 'cus_3'].map(customer);
  await applyPage(db, { changes, quarantined: [], cursor: 'c', syncedAt: '2026-01-01T00:00:00Z' });
  seg = (await db.segments.toCollection().primaryKeys())[0] as number;
});
afterEach(async () => {
  await db.delete();
});

const inTx = (work: () => Promise<void>) =>
  db.transaction('rw', db.segments, db.indexBlocks, db.indexDirectories, db.meta, work);
const ids = async () => (await db.segments.get(seg))?.ids;

describe('removals prepared before their transaction', () => {
  it('are written as prepared when nothing changed meanwhile', async () => {
    const removals = new Map([[seg, new Set(['cus_2'])]]);
    const plan = await prepareRemovals(db, removals);
    await inTx(() => removeCopies(db, removals, { deferIndex: true, prepared: plan }));
    expect(await ids()).toEqual(['cus_1', 'cus_3']);
    expect(await pendingRemovals(db)).toContainEqual(['i:cus_2', seg]);
    expect(await getCustomer(db, 'cus_2')).toBeUndefined();
    expect((await getCustomer(db, 'cus_1'))?.id).toBe('cus_1');
  });

  it('are computed again when the segment was rewritten since, or other removals are asked', async () => {
    const plan = await prepareRemovals(db, new Map([[seg, new Set(['cus_2'])]]));
    await inTx(() => removeCopies(db, new Map([[seg, new Set(['cus_1'])]])));
    await inTx(() => removeCopies(db, new Map([[seg, new Set(['cus_2'])]]), { deferIndex: true, prepared: plan }));
    expect(await ids()).toEqual(['cus_3']); // the prepared plan would have brought cus_1 back
    const other = await prepareRemovals(db, new Map([[seg, new Set(['cus_3'])]]));
    await inTx(() =>
      removeCopies(db, new Map([[seg, new Set(['cus_3', 'cus_9'])]]), { deferIndex: true, prepared: other }),
    );
    expect(await db.segments.get(seg)).toBeUndefined();
  });
});

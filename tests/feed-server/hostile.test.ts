import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleStrings } from '../../lib/display/visible';
import type { Customer } from '../../lib/feed/schema';
import { recognize } from '../../lib/lookup/service';
import { applyPage, customerKeys, generateDataKey, getCustomer, ReconnuDb } from '../../lib/store';
import { validateChanges } from '../../lib/sync/validate';
import { hostileCases, VICTIM } from '../../scripts/feed-server/hostile';
import { startFeedServer } from '../../scripts/feed-server/server';
import { mentioned } from '../sightings';

const cases = hostileCases();
const polluted = () =>
  (({}) as Record<string, unknown>).polluted ?? (Object.prototype as Record<string, unknown>).polluted;

describe('hostile feed records', () => {
  const { changes, quarantined } = validateChanges(
    cases.map((entry) => JSON.parse(entry.json)),
    new Date('2026-11-01T00:00:00Z'),
  );
  const db = new ReconnuDb(`hostile-${Math.random()}`);
  beforeAll(async () => db.setDataKey(await generateDataKey()));
  afterAll(() => db.delete());

  it.each(cases.map((entry) => [entry.id, entry] as const))(
    '%s: lands or is quarantined with its reason',
    (_, entry) => {
      const [parsed] = validateChanges([JSON.parse(entry.json)], new Date()).quarantined.filter(
        (issue) => !issue.reason.startsWith('Stored, but'),
      );
      if (entry.outcome === 'lands') expect(parsed).toBeUndefined();
      else {
        expect(parsed?.reason).toContain(entry.reason);
        expect(parsed?.id.length).toBeLessThanOrEqual(200);
        expect(parsed?.raw.length).toBeLessThanOrEqual(2_000);
        if (entry.shownId) expect(parsed?.id.startsWith(entry.shownId)).toBe(true);
      }
    },
  );

  it('a whole page of them validates without throwing, and pollutes no prototype', () => {
    expect(changes.length).toBe(cases.filter((entry) => entry.outcome === 'lands').length);
    expect(quarantined.filter((issue) => !issue.reason.startsWith('Stored, but')).length).toBe(
      cases.filter((entry) => entry.outcome === 'quarantined').length,
    );
    expect(polluted()).toBeUndefined();
  });

  it('stores and reads them back, shows them, and still pollutes nothing', async () => {
    await applyPage(db, { changes: [...changes, VICTIM], quarantined, cursor: 'c', syncedAt: '2026-11-01T00:00:00Z' });
    const proto = (await getCustomer(db, 'hostile_proto')) as Customer;
    expect(proto.preferences?.sizes).toEqual({ constructor: 'XL', prototype: 'M', toString: 'S' });
    expect(Object.getPrototypeOf(proto.preferences?.sizes)).toBe(Object.prototype);
    expect((await getCustomer(db, '__proto__'))?.name?.family).toBe('Id');
    for (const customer of changes as Customer[]) visibleStrings(customer);
    expect(polluted()).toBeUndefined();
  });

  it('no spoof takes the victim: lookalike emails, reversed numbers and injected index keys match nobody else', async () => {
    for (const customer of changes as Customer[]) {
      expect(customerKeys(customer)).not.toContain('e:claire.martin@hostile.test');
      expect(customerKeys(customer)).not.toContain('p:+33612345678');
    }
    const victim = { emails: ['claire.martin@hostile.test'], phones: ['06 12 34 56 78'], orders: [] };
    expect((await recognize(db, mentioned(victim))).recognition).toMatchObject({
      status: 'matched',
      customer: { id: VICTIM.id },
    });
    const lookalike = { emails: ['claire.martin\u200b@hostile.test'], phones: [], orders: [] };
    expect((await recognize(db, mentioned(lookalike))).recognition).toEqual({ status: 'unknown' });
    const reversed = { emails: [], phones: ['\u202e87 65 43 21 60'], orders: [] };
    expect((await recognize(db, mentioned(reversed))).recognition).toEqual({ status: 'unknown' });
  });

  it('the reference feed serves them verbatim among normal customers', async () => {
    const feed = await startFeedServer({ customers: 5, seed: 'hostile', token: 't' });
    try {
      const expected = feed.control.putHostile();
      expect(expected.map((entry) => entry.id)).toEqual(cases.map((entry) => entry.id));
      const response = await fetch(`${feed.url}/v1/changes?limit=100`, { headers: { Authorization: 'Bearer t' } });
      const text = await response.text();
      expect(text).toContain('"__proto__":{"polluted":"yes"}');
      const page = JSON.parse(text) as { changes: unknown[] };
      expect(page.changes.length).toBe(5 + cases.length);
      expect(polluted()).toBeUndefined();
    } finally {
      await feed.close();
    }
  });
});

// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/feed/schema';
import type { GestureRecord } from '../../lib/policy/schema';
import { verifyPolicy } from '../../lib/policy/verify';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';

let feed: FeedServer;
const gold: Customer = {
  id: 'gs_gold',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  loyalty: { tier: 'gold', points: 5000 },
  consent: { personalization: true },
};

beforeAll(async () => {
  feed = await startFeedServer({ customers: 5, seed: 'gestures', token: 'gt' });
  feed.control.put([gold]);
});
afterAll(() => feed.close());

function call(path: string, init: { method?: string; body?: unknown; token?: string; key?: string } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${init.token ?? 'gt'}` };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.key) headers['Idempotency-Key'] = init.key;
  return fetch(`${feed.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const grant = (size: number, key: string, extra: Record<string, unknown> = {}) =>
  call('/v1/gestures', {
    method: 'POST',
    key,
    body: {
      customerId: gold.id,
      gesture: 'goodwill',
      size,
      currency: 'EUR',
      reason: 'Late parcel',
      channel: 'phone',
      ...extra,
    },
  });

describe('feed server: policy, gestures, approvals', () => {
  it('serves the policy as a compact JWS that its public key verifies, and can serve it tampered or expired', async () => {
    const response = await call('/v1/policy');
    expect(response.headers.get('content-type')).toContain('application/jose');
    const token = await response.text();
    expect(await verifyPolicy(token, { publicKey: feed.policy.publicKey, feedUrl: feed.url })).toMatchObject({
      ok: true,
      policy: { id: 'demo-2026' },
    });
    feed.policy.serve({ mode: 'tampered' });
    expect(
      await verifyPolicy(await (await call('/v1/policy')).text(), {
        publicKey: feed.policy.publicKey,
        feedUrl: feed.url,
      }),
    ).toMatchObject({
      ok: false,
    });
    await call('/__control/policy', { method: 'POST', body: { serve: { mode: 'expired' } } });
    const expired = await verifyPolicy(await (await call('/v1/policy')).text(), {
      publicKey: feed.policy.publicKey,
      feedUrl: feed.url,
    });
    expect(!expired.ok && expired.error).toMatch(/expired/);
    feed.policy.serve({ mode: 'signed' });
  });

  it('stores a gesture once per Idempotency-Key and answers the same record', async () => {
    const first = (await (await grant(2000, 'k1')).json()) as GestureRecord;
    const again = (await (await grant(2000, 'k1')).json()) as GestureRecord;
    expect(first).toMatchObject({ status: 'granted', agentId: 'usr_lea', customerId: gold.id, size: 2000 });
    expect(again.id).toBe(first.id);
    expect(feed.gestures.records.filter((record) => record.agentId === 'usr_lea')).toHaveLength(1);
    expect((await grant(100, '')).status).toBe(400);
  });

  it('checks the policy itself: over the customer limit becomes pending, above the ceiling rejected', async () => {
    expect(await (await grant(2000, 'k2')).json()).toMatchObject({ status: 'granted' }); // 40 € of 50 € given
    const pending = (await (await grant(2000, 'k2b')).json()) as GestureRecord;
    expect(pending.status).toBe('pending');
    expect(pending.rule).toMatch(/per-customer limit/);
    const refused = (await (await grant(90_000, 'k3')).json()) as GestureRecord;
    expect(refused).toMatchObject({ status: 'rejected', decidedBy: 'policy' });
  });

  it('lets supervisors only approve or reject, with a comment; history filters by customer, agent and status', async () => {
    const asked = (await (await grant(4000, 'k4', { approval: true })).json()) as GestureRecord;
    expect((await call(`/v1/gestures/${asked.id}/approve`, { method: 'POST', body: {} })).status).toBe(403);
    const approved = await call(`/v1/gestures/${asked.id}/approve`, {
      method: 'POST',
      token: 'gt-supervisor',
      body: { comment: 'Fine' },
    });
    expect(await approved.json()).toMatchObject({ status: 'approved', decidedBy: 'usr_camille', comment: 'Fine' });
    const twice = await call(`/v1/gestures/${asked.id}/reject`, { method: 'POST', token: 'gt-supervisor', body: {} });
    expect(twice.status).toBe(409);

    const mine = (await (await call('/v1/gestures?agent=usr_lea')).json()) as { gestures: GestureRecord[] };
    expect(mine.gestures.map((record) => record.status)).toEqual([
      'approved',
      'rejected',
      'pending',
      'granted',
      'granted',
    ]);
    expect((await call('/v1/gestures')).status).toBe(403); // agents: a customer or their own
    expect((await call('/v1/gestures?agent=usr_camille')).status).toBe(403);
    const pending = await call('/v1/gestures?status=pending', { token: 'gt-supervisor' });
    expect(((await pending.json()) as { gestures: GestureRecord[] }).gestures).toHaveLength(1);
    const since = await call(`/v1/gestures?customer=${gold.id}&since=2999-01-01T00:00:00Z`);
    expect(((await since.json()) as { gestures: unknown[] }).gestures).toEqual([]);
  });

  it('records gestures given on other channels (control), counted by the policy', async () => {
    const other = {
      id: 'gst_store_1',
      customerId: 'cus_0000001',
      agentId: 'usr_hugo',
      gesture: 'freeShipping',
      size: 1,
    };
    await call('/__control/gestures', {
      method: 'POST',
      body: { ...other, reason: 'till', channel: 'store', status: 'granted', at: new Date().toISOString() },
    });
    const list = await call('/v1/gestures?customer=cus_0000001');
    expect(((await list.json()) as { gestures: GestureRecord[] }).gestures).toMatchObject([{ channel: 'store' }]);
  });
});

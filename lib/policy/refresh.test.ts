// @vitest-environment node
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPolicy } from '../../scripts/feed-server/policy';
import { type FeedServer, startFeedServer } from '../../scripts/feed-server/server';
import { policyItem, policyStatusItem, refreshPolicy } from './refresh';
import type { Policy } from './schema';

const TOKEN = 'refresh-token';
let feed: FeedServer;

beforeAll(async () => {
  feed = await startFeedServer({ customers: 0, seed: 'policy-refresh', token: TOKEN });
});
afterAll(() => feed.close());

const config = () => ({ feedUrl: feed.url, token: TOKEN });
const policyNamed = (id: string): Policy => ({ ...demoPolicy(), id });
const at = (iso: string) => new Date(iso);

/** A token as the feed's administrator signs it, issued at a chosen time (the feed signs "now"). */
async function signedAt(policy: Policy, issuedAt: Date, audience = new URL(feed.url).origin): Promise<string> {
  const key = await importJWK(feed.policy.privateJwk, 'ES256');
  return new SignJWT({ policy })
    .setProtectedHeader({ alg: 'ES256' })
    .setAudience(audience)
    .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
    .setExpirationTime(Math.floor(issuedAt.getTime() / 1000) + 90 * 86_400)
    .sign(key);
}

async function serveAndRefresh(token: string, now: Date): Promise<void> {
  feed.policy.serve({ mode: 'raw', token });
  await refreshPolicy(config(), feed.policy.publicKey, now);
}

describe('policy refresh: the newest signed policy wins', () => {
  it('takes a newer policy, then refuses an older one with a notice and keeps the newer in force', async () => {
    const older = await signedAt(policyNamed('pol-march'), at('2026-03-01T09:00:00Z'));
    const newer = await signedAt(policyNamed('pol-april'), at('2026-04-01T09:00:00Z'));
    await serveAndRefresh(older, at('2026-04-02T10:00:00Z'));
    expect((await policyItem.getValue())?.policy.id).toBe('pol-march');

    await serveAndRefresh(newer, at('2026-04-02T10:01:00Z'));
    expect(await policyItem.getValue()).toMatchObject({
      policy: { id: 'pol-april' },
      issuedAt: '2026-04-01T09:00:00.000Z',
    });
    expect((await policyStatusItem.getValue())?.notice).toBeNull();

    await serveAndRefresh(older, at('2026-04-02T10:02:00Z'));
    expect((await policyItem.getValue())?.policy.id).toBe('pol-april');
    const status = await policyStatusItem.getValue();
    expect(status?.notice).toEqual({ code: 'policyOlderRefused', kept: 'pol-april' });
    expect(status?.error).toMatch(/before one already accepted/);
  });

  it('still refuses the older policy once the one in force is forgotten (sign-out)', async () => {
    await serveAndRefresh(
      await signedAt(policyNamed('pol-april'), at('2026-04-01T09:00:00Z')),
      at('2026-04-02T10:00Z'),
    );
    await policyItem.removeValue();
    await serveAndRefresh(
      await signedAt(policyNamed('pol-march'), at('2026-03-01T09:00:00Z')),
      at('2026-04-03T10:00Z'),
    );
    expect(await policyItem.getValue()).toBeNull();
    expect((await policyStatusItem.getValue())?.notice).toEqual({ code: 'policyOlderRefused', kept: null });
  });

  it('takes a policy signed again in the same second or later (the feed signs at each request)', async () => {
    const issuedAt = at('2026-05-01T09:00:00Z');
    await serveAndRefresh(await signedAt(policyNamed('pol-may'), issuedAt), at('2026-05-01T09:00:30Z'));
    await serveAndRefresh(await signedAt(policyNamed('pol-may-bis'), issuedAt), at('2026-05-01T09:00:40Z'));
    expect((await policyItem.getValue())?.policy.id).toBe('pol-may-bis');
    expect((await policyStatusItem.getValue())?.notice).toBeNull();
  });

  it('refuses a policy signed for another feed and keeps the one in force', async () => {
    await serveAndRefresh(await signedAt(policyNamed('pol-june'), at('2026-06-01T09:00:00Z')), at('2026-06-02T09:00Z'));
    const elsewhere = await signedAt(policyNamed('pol-other'), at('2026-06-03T09:00:00Z'), 'https://other.example');
    await serveAndRefresh(elsewhere, at('2026-06-04T09:00:00Z'));
    expect((await policyItem.getValue())?.policy.id).toBe('pol-june');
    expect((await policyStatusItem.getValue())?.notice).toMatchObject({
      code: 'policyRefused',
      kept: 'pol-june',
      reason: expect.stringMatching(/not issued for this feed/),
    });
  });

  it('signs its own policy for its own origin (the reference feed)', async () => {
    feed.policy.serve({ mode: 'signed' });
    await refreshPolicy(config(), feed.policy.publicKey);
    expect(await policyItem.getValue()).toMatchObject({ policy: { id: 'demo-2026' } });
    expect((await policyStatusItem.getValue())?.notice).toBeNull();
  });
});

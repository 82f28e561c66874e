import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type RecordedResponse, startReplayServer } from '../../../tests/replay-server';
import { FeedError } from '../../feed/client';
import { feedConnector } from '.';

// The feed as a source, against answers recorded from the reference feed (scripts/feed-server/record-fixtures.ts).

const fixture = (name: string): RecordedResponse =>
  JSON.parse(readFileSync(new URL(`../../../tests/fixtures/feed/${name}.json`, import.meta.url), 'utf8'));

const context = { storedIds: async () => [], now: () => new Date('2026-01-01T00:00:00Z') };
let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

async function recordedFeed(answer: (path: string) => string) {
  const server = await startReplayServer((request) => fixture(answer(request.url.pathname)));
  close = server.close;
  return { server, feed: { feedUrl: `${server.url}/`, token: 'feed-token' } };
}

describe('the Reconnu feed as a source', () => {
  it('reads a page of changes with the feed token, passing the cursor and limit as the feed API says', async () => {
    const { server, feed } = await recordedFeed(() => 'changes-first-page');
    const page = await feedConnector.create({ kind: 'feed' }, feed).fetchChanges('djE6MA', 1, undefined, context);
    expect(page).toMatchObject({ cursor: 'djE6MQ', more: true, remaining: 1 });
    expect(page.changes).toHaveLength(1);
    const request = server.requests[0];
    expect(request?.url.pathname).toBe('/v1/changes');
    expect(request?.url.searchParams.get('cursor')).toBe('djE6MA');
    expect(request?.url.searchParams.get('limit')).toBe('1');
    expect(request?.headers.authorization).toBe('Bearer feed-token');
  });

  it('answers who is signed in from /v1/me, and a refused token as a 401 that is not retried', async () => {
    const { feed } = await recordedFeed((path) => (path === '/v1/me' ? 'me' : 'unauthorized'));
    expect(await feedConnector.create({ kind: 'feed' }, feed).whoAmI()).toMatchObject({ id: 'usr_lea', role: 'agent' });
    const refused = await feedConnector
      .create({ kind: 'feed' }, feed)
      .fetchChanges(null, 10, undefined, context)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FeedError);
    expect(refused).toMatchObject({ status: 401, retryable: false });
  });

  it('refuses to sync without a feed configured, and asks for no origin', async () => {
    const connector = feedConnector.create({ kind: 'feed' }, null);
    await expect(connector.fetchChanges(null, 10, undefined, context)).rejects.toThrow('No feed configured.');
    expect(feedConnector.origins({ kind: 'feed' }, null)).toEqual([]);
    const feed = { feedUrl: 'https://feed.example.com/reconnu/', token: 't' };
    expect(feedConnector.origins({ kind: 'feed' }, feed)).toEqual(['https://feed.example.com/*']);
    expect(feedConnector.identity({ kind: 'feed' }, feed)).toBe('feed https://feed.example.com/reconnu/');
  });
});

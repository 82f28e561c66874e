import { z } from 'zod';
import { FeedError, fetchChanges, fetchMe } from '../../feed/client';
import { defineConnector } from '../define';

/**
 * The Reconnu feed API v1 (docs/feed-api.md): the source every other connector imitates. Its address and token are
 * the feed's, set above the source picker, so its own settings are only its kind.
 */
export const feedConnector = defineConnector({
  kind: 'feed',
  label: { en: 'The Reconnu feed above', fr: 'Le flux Reconnu ci-dessus' },
  platform: false,
  schema: z.object({ kind: z.literal('feed') }),
  fields: [],
  identity: (_settings, feed) => `feed ${feed?.feedUrl ?? ''}`,
  origins: (_settings, feed) => (feed ? [`${new URL(feed.feedUrl).origin}/*`] : []),
  create(_settings, feed) {
    const config = feed;
    const missing = () => new FeedError('No feed configured.', null, false);
    return {
      kind: 'feed',
      fetchChanges: (cursor, limit, signal) =>
        config ? fetchChanges(config, cursor, limit, signal) : Promise.reject(missing()),
      whoAmI: (signal) => (config ? fetchMe(config, signal) : Promise.reject(missing())),
    };
  },
});

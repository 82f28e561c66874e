import { FeedError, fetchChanges, fetchMe } from '../feed/client';
import type { ConnectorDefinition } from './types';

/** The Reconnu feed API v1 (docs/feed-api.md): the source every other connector imitates. */
export const feedConnector: ConnectorDefinition<'feed'> = {
  kind: 'feed',
  label: 'Reconnu feed',
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
};

import { storage } from 'wxt/utils/storage';
import { createConnector, definitionOf, platformName, sourceIdentity } from '../connectors/registry';
import { hasCredentials } from '../connectors/settings';
import type { SourceConnector } from '../connectors/types';
import type { FeedConfig } from '../feed/client';
import type { Settings } from '../settings';
import type { SyncNotice } from './status';

export type ResolvedSource =
  | {
      ok: true;
      connector: SourceConnector;
      feed: FeedConfig | null;
      identity: string;
      /** The platform's name for notices; null for the Reconnu feed. */
      label: string | null;
    }
  | { ok: false; message: string; notice: SyncNotice };

/**
 * The source the settings name, and the Reconnu feed when one is configured: the feed also answers who the user is,
 * the policy, the audit and the storage key, whatever the customer data's source.
 */
export function resolveSource(settings: Settings): ResolvedSource {
  const feed = settings.feedUrl && settings.token ? { feedUrl: settings.feedUrl, token: settings.token } : null;
  const { source } = settings;
  // The Reconnu feed as the source signs in with the feed's token; a platform, with its own credentials.
  const readsFeed = !definitionOf(source.kind).platform;
  if (readsFeed && !settings.feedUrl) return { ok: false, message: 'No feed configured.', notice: { code: 'noFeed' } };
  if (!hasCredentials(source) || (readsFeed && !settings.token)) {
    return { ok: false, message: 'Signed out.', notice: { code: 'signedOut' } };
  }
  const connector = createConnector(source, feed);
  return { ok: true, connector, feed, identity: sourceIdentity(source, feed), label: platformName(source) };
}

/** The source the local store was filled from. */
const storedSourceItem = storage.defineItem<string | null>('local:storeSource', { fallback: null });

/**
 * Customers of one source must not linger once another one is picked: nothing would ever send their deletion. The
 * local copy is wiped when the source changes (a store filled before sources existed is taken as the current one's).
 */
export async function followSource(identity: string, wipe: () => Promise<void>): Promise<boolean> {
  const previous = await storedSourceItem.getValue();
  if (previous !== null && previous !== identity) await wipe();
  if (previous !== identity) await storedSourceItem.setValue(identity);
  return previous !== null && previous !== identity;
}

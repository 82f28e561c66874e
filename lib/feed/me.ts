import { storage } from 'wxt/utils/storage';
import type { SourceConnector } from '../connectors/types';
import type { Identifiers } from '../protocol/messages';
import { type FeedConfig, fetchMe } from './client';
import type { Me } from './schema';

/** Who is signed in to the feed (`GET /v1/me`): the user's role and their own identity. */
export const meItem = storage.defineItem<Me | null>('local:me', { fallback: null });

/** Refreshed at each sync; a failure keeps the last known answer (the sync reports feed errors itself). */
export async function refreshMe(config: FeedConfig): Promise<void> {
  try {
    await meItem.setValue(await fetchMe(config));
  } catch {
    // offline or refused: the sync run that follows says why
  }
}

/** Without a Reconnu feed, the platform connector says whom its credentials act for (connectors/types.ts). */
export async function refreshMeFrom(connector: Pick<SourceConnector, 'whoAmI'>): Promise<void> {
  try {
    await meItem.setValue(await connector.whoAmI());
  } catch {
    // as above: the sync run reports why the source cannot be reached
  }
}

/** The signed-in user's own email is never taken for a customer's, whatever page it appears on. */
export function withoutOwnIdentity(identifiers: Identifiers, me: Me | null): Identifiers {
  if (!me?.email) return identifiers;
  const own = me.email.trim().toLowerCase();
  return { ...identifiers, emails: identifiers.emails.filter((email) => email.trim().toLowerCase() !== own) };
}

import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { SourceConnector } from '../connectors/types';
import type { Identifiers } from '../protocol/messages';
import { type FeedConfig, FeedError, fetchMe } from './client';
import type { Me } from './schema';

/** Who is signed in to the feed (`GET /v1/me`): the user's role and their own identity. */
export const meItem = storage.defineItem<Me | null>('local:me', { fallback: null });

let cachedMe: Promise<Me | null> | undefined;

const forgetMe = () => {
  cachedMe = undefined;
};

function onStorageChanged(changes: Record<string, unknown>, area: string): void {
  if (area === 'local' && 'me' in changes) forgetMe();
}

/**
 * Who is signed in, read once and kept in memory (lookups ask on every call). Forgotten at once by setMe, and
 * through storage.onChanged when anything else writes it; a listener found missing (removed) forgets too.
 */
export function currentMe(): Promise<Me | null> {
  const changed = browser.storage.onChanged;
  if (!changed.hasListener(onStorageChanged)) {
    changed.addListener(onStorageChanged);
    forgetMe();
  }
  if (!cachedMe) {
    const read = meItem.getValue();
    cachedMe = read;
    read.catch(() => {
      if (cachedMe === read) forgetMe();
    });
  }
  return cachedMe;
}

/** Stores who is signed in; a read that overlaps the write is not kept. */
export async function setMe(me: Me | null): Promise<void> {
  forgetMe();
  try {
    await meItem.setValue(me);
  } finally {
    forgetMe();
  }
}

/** SHA-256 of the last token the feed accepted: a 401 for that very token means it was revoked, not mistyped. */
const acceptedTokenItem = storage.defineItem<string | null>('local:acceptedToken', { fallback: null });

async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Refreshed at each sync; a failure keeps the last known answer (the sync reports feed errors itself). 'revoked':
 * the feed now refuses (401) the very token it accepted before, as after an administrator revoked it or it expired;
 * a token just typed in and refused is a mistake to report, not a reason to wipe anything.
 */
export async function refreshMe(config: FeedConfig): Promise<'ok' | 'revoked' | 'failed'> {
  try {
    await setMe(await fetchMe(config));
    await acceptedTokenItem.setValue(await tokenHash(config.token));
    return 'ok';
  } catch (error) {
    if (!(error instanceof FeedError) || error.status !== 401) return 'failed';
    const accepted = await acceptedTokenItem.getValue();
    return accepted !== null && accepted === (await tokenHash(config.token)) ? 'revoked' : 'failed';
  }
}

/** Sign-out: the next token is judged afresh. */
export function forgetAcceptedToken(): Promise<void> {
  return acceptedTokenItem.removeValue();
}

/** Without a Reconnu feed, the platform connector says whom its credentials act for (connectors/types.ts). */
export async function refreshMeFrom(connector: Pick<SourceConnector, 'whoAmI'>): Promise<void> {
  try {
    await setMe(await connector.whoAmI());
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

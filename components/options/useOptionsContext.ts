import { useEffect, useState } from 'react';
import { meItem } from '@/lib/feed/me';
import type { Me } from '@/lib/feed/schema';
import { type Managed, readManaged } from '@/lib/managed';
import { initialSyncStatus, type SyncStatus } from '@/lib/sync/status';
import { isDisconnected, useStoredSyncStatus } from '../SyncStatusView';

/** Who the feed or platform says is signed in, kept current as the background learns it; undefined until read. */
export function useMe(): Me | null | undefined {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    meItem.getValue().then(setMe);
    return meItem.watch(setMe);
  }, []);
  return me;
}

export interface OptionsContext {
  /** False until what decides the layout is read: the page then shows nothing rather than the wrong step. */
  loaded: boolean;
  me: Me | null;
  /** What the administrator set (managed storage); null until read. */
  managed: Managed | null;
  status: SyncStatus;
  /**
   * A source is configured and has answered: it said who the user is, or a sync went through. Until then the page
   * is the connect step alone, and a refused token keeps it there with the reason.
   */
  connected: boolean;
}

export function useOptionsContext(): OptionsContext {
  const me = useMe();
  const stored = useStoredSyncStatus();
  const status = stored ?? initialSyncStatus;
  const [managed, setManaged] = useState<Managed | null>(null);
  useEffect(() => {
    readManaged().then(setManaged);
  }, []);
  const connected = !isDisconnected(status) && (!!me || status.lastSuccessAt !== null);
  const loaded = me !== undefined && managed !== null && stored !== undefined;
  return { loaded, me: me ?? null, managed, status, connected };
}

/** Administration is the administrator's when they manage the extension: store staff and agents do not see it. */
export function showsAdministration(context: Pick<OptionsContext, 'me' | 'managed'>): boolean {
  const managedAny = !!context.managed && Object.keys(context.managed).length > 0;
  return !(managedAny && (context.me?.role === 'agent' || context.me?.role === 'store'));
}

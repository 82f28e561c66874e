import type { ChangesPage, Me } from '../feed/schema';

/**
 * Where customer data comes from. Every source answers the same question as the feed API's `GET /v1/changes`: one
 * page of changes (feed v1 Customer or Deletion records, validated and quarantined by the sync engine) after an opaque
 * cursor, and the cursor that follows it. The engine commits that cursor with the page, so a worker killed mid-sync
 * resumes from it: a connector's cursor must hold everything it needs to go on (see cursor.ts).
 *
 * Errors are thrown as FeedError (feed/client.ts): `retryable` for 429/5xx/network (with `retryAfterMs` when the
 * platform says how long to wait), status 400 for a cursor the connector cannot read (the engine then starts over).
 *
 * Adding a source takes, in code, its folder and one line in registry.ts: `lib/connectors/<kind>/index.ts` exports
 * `defineConnector({…})` (define.ts: kind, bilingual label, settings schema, form fields with their bilingual labels
 * and which are secret, identity, origins, create) and the connector's code sits beside it, with its `*.test.ts`.
 * Its recorded responses go in `tests/fixtures/<kind>/` and its row in docs/connectors.md; tests/meta/pieces.test.ts
 * fails while one of these is missing. Nothing else names a kind: the rest is derived from the registry's list.
 */
export interface SourceConnector {
  /** The kind of the definition that created it (registry.ts). */
  readonly kind: string;
  fetchChanges(
    cursor: string | null,
    limit: number,
    signal: AbortSignal | undefined,
    context: SourceContext,
  ): Promise<ChangesPage>;
  /** Who the credentials act for, when no Reconnu feed answers `/v1/me` (docs/connectors.md, "Who is signed in"). */
  whoAmI(signal?: AbortSignal): Promise<Me>;
}

/** What the local store can tell a connector. */
export interface SourceContext {
  /**
   * Ids of every customer stored locally. Platforms do not list deleted customers, so a connector finds erasures by
   * reading this first, then the ids the platform still has: what is stored and no longer live was deleted.
   */
  storedIds(): Promise<string[]>;
  /** Now, injectable for tests. */
  now(): Date;
}

import { z } from 'zod';
import { fromBase64Url } from '../store';
import { type RegionProposal, type SharedRegion, sharedRegionsSchema } from './regions';
import { type ChangesPage, changesPageSchema, type Me, meSchema } from './schema';
import { checkTransport } from './transport';

export interface FeedConfig {
  feedUrl: string;
  token: string;
}

/** A failed feed call, with what the retry policy needs to know. */
export class FeedError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export async function fetchChanges(
  config: FeedConfig,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<ChangesPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  const body = await getJson(config, `/v1/changes?${params}`, signal);
  const page = changesPageSchema.safeParse(body);
  if (!page.success) throw new FeedError(`The feed sent a malformed page: ${page.error.issues[0]?.message}`, 200, true);
  return page.data;
}

export async function fetchMe(config: FeedConfig, signal?: AbortSignal): Promise<Me> {
  const me = meSchema.safeParse(await getJson(config, '/v1/me', signal));
  if (!me.success) throw new FeedError('The feed sent a malformed /v1/me answer.', 200, false);
  return me.data;
}

const storageKeySchema = z.object({ secret: z.string().regex(/^[A-Za-z0-9_-]{43,}$/) });

/**
 * The signed-in user's storage secret (`GET /v1/storage-key`, 32 bytes or more in base64url), from which the key that
 * wraps the local store's key is derived; null when the feed predates this endpoint (404).
 */
export async function fetchStorageSecret(
  config: FeedConfig,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer> | null> {
  let body: unknown;
  try {
    body = await getJson(config, '/v1/storage-key', signal);
  } catch (error) {
    if (error instanceof FeedError && error.status === 404) return null;
    throw error;
  }
  const parsed = storageKeySchema.safeParse(body);
  if (!parsed.success) throw new FeedError('The feed sent a malformed /v1/storage-key answer.', 200, false);
  return fromBase64Url(parsed.data.secret);
}

/** `POST {feed}/v1/audit`: a batch of chained view-audit entries; resolves once the feed acknowledged them. */
export async function postAudit(config: FeedConfig, body: unknown, signal?: AbortSignal): Promise<void> {
  await requestJson(config, '/v1/audit', signal, { method: 'POST', body: JSON.stringify(body) });
}

/** `GET {feed}/v1/audit`: the team's view audit, for supervisors (the feed checks the role). */
export async function fetchTeamAudit(config: FeedConfig, query: URLSearchParams): Promise<unknown> {
  return getJson(config, `/v1/audit?${query}`);
}

/** `GET {feed}/v1/policy`: the empowerment policy as a compact JWS (text), verified by the caller. */
export async function fetchPolicyToken(config: FeedConfig, signal?: AbortSignal): Promise<string> {
  return (await requestJson(config, '/v1/policy', signal, undefined, 'text')) as string;
}

/** `POST {feed}/v1/gestures` with an Idempotency-Key: the same key always answers the same stored gesture. */
export async function postGesture(config: FeedConfig, body: unknown, key: string): Promise<unknown> {
  const init = { method: 'POST' as const, body: JSON.stringify(body), headers: { 'Idempotency-Key': key } };
  return requestJson(config, '/v1/gestures', undefined, init);
}

/** `GET {feed}/v1/gestures?customer=&agent=&status=&since=`: gestures on every channel. */
export async function fetchGestures(config: FeedConfig, query: URLSearchParams): Promise<unknown> {
  return getJson(config, `/v1/gestures?${query}`);
}

/** `POST {feed}/v1/gestures/{id}/approve|reject` with a comment (supervisors; the feed checks the role). */
export async function postGestureDecision(
  config: FeedConfig,
  id: string,
  verdict: 'approve' | 'reject',
  comment: string,
): Promise<unknown> {
  const init = { method: 'POST' as const, body: JSON.stringify({ comment }) };
  return requestJson(config, `/v1/gestures/${encodeURIComponent(id)}/${verdict}`, undefined, init);
}

/** `GET {feed}/v1/regions`: the page regions the team shares (approved ones; supervisors also see the others). */
export async function fetchRegions(config: FeedConfig, signal?: AbortSignal): Promise<SharedRegion[]> {
  const parsed = sharedRegionsSchema.safeParse(await getJson(config, '/v1/regions', signal));
  if (!parsed.success) throw new FeedError('The feed sent a malformed /v1/regions answer.', 200, false);
  return parsed.data.regions;
}

/** `POST {feed}/v1/regions`: regions where this user found the customer, proposed to the team. */
export async function postRegions(config: FeedConfig, regions: readonly RegionProposal[]): Promise<void> {
  await requestJson(config, '/v1/regions', undefined, { method: 'POST', body: JSON.stringify({ regions }) });
}

/** `POST {feed}/v1/regions/decide` (supervisors and admins; the feed checks the role). */
export async function postRegionDecision(
  config: FeedConfig,
  decision: RegionProposal & { verdict: 'approve' | 'reject' },
): Promise<void> {
  await requestJson(config, '/v1/regions/decide', undefined, { method: 'POST', body: JSON.stringify(decision) });
}

function getJson(config: FeedConfig, path: string, signal?: AbortSignal): Promise<unknown> {
  return requestJson(config, path, signal);
}

async function requestJson(
  config: FeedConfig,
  path: string,
  signal?: AbortSignal,
  init: { method: 'POST'; body: string; headers?: Record<string, string> } | undefined = undefined,
  as: 'json' | 'text' = 'json',
): Promise<unknown> {
  const url = config.feedUrl.replace(/\/+$/, '') + path;
  const problem = await checkTransport(url);
  if (problem) throw new FeedError(`The feed cannot be used: ${problem}`, null, false);
  const headers: Record<string, string> = { Authorization: `Bearer ${config.token}`, ...init?.headers };
  if (init) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, { method: init?.method, body: init?.body, headers, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FeedError(`Cannot reach the feed (${(error as Error).message}).`, null, true);
  }
  if (!response.ok) {
    const retryable = response.status === 429 || response.status >= 500;
    const hint = response.status === 401 || response.status === 403 ? ': check the access token' : '';
    throw new FeedError(
      `The feed answered ${response.status}${hint}.`,
      response.status,
      retryable,
      parseRetryAfter(response.headers.get('Retry-After')),
    );
  }
  try {
    return as === 'text' ? await response.text() : await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FeedError('The feed sent an incomplete or invalid JSON body.', response.status, true);
  }
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

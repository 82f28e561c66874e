import { FeedError, parseRetryAfter } from '../feed/client';
import { checkTransport } from '../feed/transport';

export interface PlatformResponse {
  body: unknown;
  headers: Headers;
}

/**
 * One call to a platform's API, its failures mapped onto the sync engine's retry policy: network errors, 429 and 5xx
 * are retried (Retry-After honoured), 401/403 say which credentials to check, anything else stops the run.
 */
export async function requestPlatform(
  platform: string,
  url: string,
  init: RequestInit,
  signal?: AbortSignal,
): Promise<PlatformResponse> {
  const problem = await checkTransport(url);
  if (problem) throw new FeedError(`${platform} cannot be used: ${problem}`, null, false);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FeedError(`Cannot reach ${platform} (${(error as Error).message}).`, null, true);
  }
  if (!response.ok) {
    // The error body is not read: release the connection instead of leaving it to the garbage collector.
    await response.body?.cancel().catch(() => undefined);
    const retryable = response.status === 429 || response.status >= 500;
    const hint = response.status === 401 || response.status === 403 ? ': check the credentials and their scopes' : '';
    throw new FeedError(
      `${platform} answered ${response.status}${hint}.`,
      response.status,
      retryable,
      parseRetryAfter(response.headers.get('Retry-After')),
    );
  }
  try {
    return { body: await response.json(), headers: response.headers };
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FeedError(`${platform} sent an incomplete or invalid JSON body.`, response.status, true);
  }
}

/**
 * Platform records carry no version the feed's rule ("a higher version replaces a lower one") can use: timestamps
 * are per second and orders or addresses change without touching the customer. A platform record is the state *at
 * the time it was read*, so its version is the read time in ms, kept strictly increasing: a later read always wins.
 */
export function createReadClock(now: () => number = Date.now): () => number {
  let last = 0;
  return () => {
    last = Math.max(now(), last + 1);
    return last;
  };
}

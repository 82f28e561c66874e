import { FeedError } from '../../feed/client';
import { requestPlatform } from '../http';
import type { VendureSettings } from './settings';

export interface GraphQLResult<T> {
  data: T;
  /** The server's clock (its Date header), to tell whether a timestamp's second may still receive changes. */
  serverNow: number | null;
}

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/**
 * Vendure's default API keys are `<lookupId>:<secret>` (RandomBytesApiKeyStrategy) and go in the `vendure-api-key`
 * header (the server must list 'api-key' in authOptions.tokenMethod); anything else is a session token sent as
 * `Authorization: Bearer`.
 */
export function authHeaders(token: string): Record<string, string> {
  const bare = token.trim().replace(/^bearer\s+/i, '');
  return bare.includes(':') ? { 'vendure-api-key': bare } : { Authorization: `Bearer ${bare}` };
}

/** The lookup id of an API key: not secret (the admin dashboard lists keys by it), it names the credentials. */
export function apiKeyLookupId(token: string): string | null {
  const bare = token.trim();
  return bare.includes(':') ? (bare.split(':')[0] ?? null) : null;
}

export function createVendureClient(settings: VendureSettings) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    ...authHeaders(settings.token),
  };
  if (settings.channelToken) headers['vendure-token'] = settings.channelToken;

  return async function query<T>(
    document: string,
    variables: Record<string, unknown>,
    signal: AbortSignal | undefined,
  ): Promise<GraphQLResult<T>> {
    let answer: Awaited<ReturnType<typeof requestPlatform>>;
    try {
      answer = await requestPlatform(
        'Vendure',
        settings.url,
        { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) },
        signal,
      );
    } catch (error) {
      // Apollo answers 400 to a query its schema rejects: that is no cursor problem (the engine resyncs on 400).
      if (error instanceof FeedError && error.status === 400) {
        throw new FeedError(
          'Vendure rejected the query (400): check that the URL is the Admin API (…/admin-api) of Vendure 2 or later.',
          422,
          false,
        );
      }
      throw error;
    }
    const body = answer.body as { data?: T | null; errors?: GraphQLError[] } | null;
    const errors = body?.errors ?? [];
    const forbidden = errors.find((error) => error.extensions?.code === 'FORBIDDEN');
    if (forbidden) {
      const where = forbidden.path?.join('.') ?? 'the Admin API';
      throw new FeedError(
        `Vendure refused to answer ${where}: check the token or API key, and that it has the ReadCustomer and ReadOrder permissions.`,
        403,
        false,
      );
    }
    if (errors.length > 0 || !body?.data) {
      const message = errors.map((error) => error.message).join('; ') || 'no data';
      throw new FeedError(`Vendure answered with an error: ${message.slice(0, 300)}`, 200, false);
    }
    const date = answer.headers.get('Date');
    const serverNow = date ? Date.parse(date) : Number.NaN;
    return { data: body.data, serverNow: Number.isFinite(serverNow) ? serverNow : null };
  };
}

export type VendureQuery = ReturnType<typeof createVendureClient>;

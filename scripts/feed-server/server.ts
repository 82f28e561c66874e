// Reference implementation of the Reconnu feed API v1, with a control API for tests. Customers are generated on
// demand from (seed, index, version), so a million of them cost no memory.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import type { Me } from '../../lib/feed/schema';
import type { Policy } from '../../lib/policy/schema';
import { AuditStore } from './audit';
import { ChangeLog } from './changes-log';
import { createChangesRoute } from './changes-route';
import { createControl, type FeedControl, handleControl } from './control';
import { Faults } from './faults';
import { GestureStore } from './gestures';
import { corsHeaders, errorBody, HttpError, RequestStats, readJson, sendJson } from './http';
import { createPolicyPublisher, type PolicyPublisher } from './policy';
import { routePolicyAndGestures } from './policy-routes';
import { RegionStore } from './regions';

export type { MutationRequest, MutationResult } from './changes-log';
export { DEFAULT_LIMIT, decodeCursor, encodeCursor, MAX_LIMIT } from './changes-route';
export type { FeedControl } from './control';
export type { FaultSettings } from './faults';

export interface FeedServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  customers: number;
  seed: string;
  /** Agent token; `${token}-store` and `${token}-supervisor` are the other roles. Random when omitted. */
  token?: string;
  /** Gzip /v1/changes pages for clients that accept it (default false: faster on localhost). */
  gzip?: boolean;
  /** Caps the page size whatever the client asks (tests use it to exercise many pages with few customers). */
  maxPageSize?: number;
  /** Keep rendered pages in memory so repeated reads cost nothing (benchmarks only). */
  keepPages?: boolean;
  /** The ES256 private key signing the empowerment policy (JWK); generated at start when omitted. */
  policyKey?: JWK;
  /** The policy to serve at first; the demo policy when omitted. */
  policy?: Policy;
  /** Serve `/v1/storage-key` (default true); false plays a feed that predates it (404). */
  storageKeys?: boolean;
  /** Server secret the storage secrets are derived from; derived from the seed when omitted. */
  storageSecret?: string;
  /** Who the agent token signs in as, instead of the reference agent (the recognition corpus's agent). */
  agent?: Me;
  /**
   * The URL clients reach the feed at, when it differs from the address it listens on (a proxy, a host name, a
   * 0.0.0.0 bind): the policy is issued for its origin. The listening URL when omitted.
   */
  publicUrl?: string;
}

export interface FeedServer {
  url: string;
  token: string;
  close(): Promise<void>;
  control: FeedControl;
  /** The signed empowerment policy: its public key (JWK JSON), what is served, and the control to change it. */
  policy: PolicyPublisher;
  gestures: GestureStore;
}

const MAX_CUSTOMERS = 10_000_000;

const routes: Record<string, string> = {
  '/v1/me': 'GET',
  '/v1/changes': 'GET',
  '/v1/storage-key': 'GET',
  '/v1/audit': 'POST GET',
  '/v1/regions': 'POST GET',
  '/v1/regions/decide': 'POST',
  '/__control/mutate': 'POST',
  '/__control/faults': 'POST',
  '/__control/hostile': 'POST',
  '/__control/truth': 'GET',
  '/__control/stats': 'GET',
  '/__control/audit': 'GET',
  '/v1/policy': 'GET',
  '/v1/gestures': 'POST GET',
  '/v1/gestures/:id/decide': 'POST',
  '/__control/policy': 'POST',
  '/__control/gestures': 'POST',
};

/** The route a path belongs to: /v1/gestures/{id}/approve and /reject share one. */
function routeOf(pathname: string): string {
  return /^\/v1\/gestures\/[^/]+\/(approve|reject)$/.test(pathname) ? '/v1/gestures/:id/decide' : pathname;
}

/** The reference company's own domain and switchboard: never a customer's (see docs/feed-api.md, /v1/me). */
const ORGANIZATION = { domains: ['example.org'], phones: ['+33 1 84 60 12 00'] };

function usersFor(token: string, agent?: Me): Map<string, Me> {
  return new Map<string, Me>([
    [
      token,
      agent ?? {
        id: 'usr_lea',
        name: 'Léa Martin',
        email: 'lea.martin@example.org',
        role: 'agent',
        organization: ORGANIZATION,
      },
    ],
    [
      `${token}-store`,
      {
        id: 'usr_hugo',
        name: 'Hugo Bernard',
        email: 'hugo.bernard@example.org',
        role: 'store',
        stores: ['paris-rivoli'],
        organization: ORGANIZATION,
      },
    ],
    [
      `${token}-supervisor`,
      {
        id: 'usr_camille',
        name: 'Camille Roux',
        email: 'camille.roux@example.org',
        role: 'supervisor',
        stores: ['paris-rivoli', 'paris-opera'],
        organization: ORGANIZATION,
      },
    ],
  ]);
}

export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const { customers, seed } = options;
  if (!Number.isInteger(customers) || customers < 0 || customers > MAX_CUSTOMERS) {
    throw new RangeError(`customers must be an integer between 0 and ${MAX_CUSTOMERS}`);
  }
  const token = options.token ?? randomBytes(12).toString('hex');
  const users = usersFor(token, options.agent);
  const log = new ChangeLog(seed, customers);
  const faults = new Faults();
  const stats = new RequestStats();
  const auditStore = new AuditStore();
  const regions = new RegionStore();
  const context = { log, faults, stats, audit: auditStore.entries };
  const policy = await createPolicyPublisher({ privateJwk: options.policyKey, policy: options.policy });
  const gestures = new GestureStore(policy.current, (id) => log.customer(id));

  // Known once the server listens (port 0 picks one); no client can ask before then.
  let origin = options.publicUrl ? new URL(options.publicUrl).origin : '';

  const storageSecret = options.storageSecret ?? `storage-key/${seed}`;
  const changes = createChangesRoute(log, faults, {
    gzip: options.gzip ?? false,
    maxLimit: options.maxPageSize,
    keepPages: options.keepPages,
  });

  async function route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      response.writeHead(204, corsHeaders);
      response.end();
      return;
    }
    const header = request.headers.authorization ?? '';
    const user = header.startsWith('Bearer ') ? users.get(header.slice(7).trim()) : undefined;
    if (!user) {
      const challenge = { 'WWW-Authenticate': 'Bearer' };
      throw new HttpError(401, 'unauthorized', 'A valid bearer token is required.', challenge);
    }
    const allowed = routes[routeOf(url.pathname)];
    if (!allowed || (url.pathname === '/v1/storage-key' && options.storageKeys === false))
      throw new HttpError(404, 'not_found', `No route ${url.pathname}.`);
    if (!allowed.split(' ').includes(method))
      throw new HttpError(405, 'method_not_allowed', `Use ${allowed}.`, { Allow: allowed.replace(' ', ', ') });
    const handled = await routePolicyAndGestures({ request, response, url, user, origin, policy, gestures });
    if (handled) return;
    if (url.pathname.startsWith('/__control/')) return handleControl(url.pathname, request, response, context);
    if (url.pathname === '/v1/me') return sendJson(request, response, 200, user);
    if (url.pathname === '/v1/changes') return changes(url, request, response);
    if (url.pathname === '/v1/storage-key') {
      // Stable per token, never stored: HMAC of the token under the server's secret.
      const secret = createHmac('sha256', storageSecret).update(header.slice(7).trim()).digest('base64url');
      return sendJson(request, response, 200, { secret });
    }
    if (url.pathname === '/v1/regions/decide')
      return sendJson(request, response, 200, regions.decide(await readJson(request), user));
    if (url.pathname === '/v1/regions') {
      if (method === 'GET') return sendJson(request, response, 200, regions.list(user));
      return sendJson(request, response, 200, regions.propose(await readJson(request), user));
    }
    if (method === 'GET') return sendJson(request, response, 200, auditStore.list(user, url.searchParams));
    return sendJson(request, response, 200, await auditStore.accept(await readJson(request), user));
  }

  const server = createServer((request, response) => {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://feed.invalid');
    } catch {
      url = new URL('http://feed.invalid/invalid-url');
    }
    response.on('close', () => stats.record(url.pathname, response.writableFinished ? response.statusCode : 'dropped'));
    route(request, response, url).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) return void response.destroy();
      const known = error instanceof HttpError ? error : new HttpError(500, 'internal_error', String(error));
      if (!(error instanceof HttpError)) console.error('feed server error:', error);
      void sendJson(request, response, known.status, errorBody(known.code, known.message), known.headers);
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  origin ||= url;
  let closing: Promise<void> | undefined;
  return {
    url,
    token,
    control: createControl(log, faults, stats, auditStore.entries),
    policy,
    gestures,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

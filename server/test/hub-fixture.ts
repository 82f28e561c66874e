// A hub listening on 127.0.0.1:0 over a test database, with a user of each role, spoken to over real HTTP.
import type { Database } from '../db/database';
import { type RunningHub, startHub } from '../hub';
import type { Role } from '../people/roles';
import { addUser } from '../people/users';
import { loadSealer } from '../secrets/key';

/** The sealing key of test hubs (32 bytes of 7). */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestHub {
  hub: RunningHub;
  db: Database;
  tokens: Record<Role, string>;
  request(path: string, options?: RequestOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface RequestOptions {
  method?: string;
  /** A role's token, a literal token, or null for none. */
  as?: Role | { token: string } | null;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

export interface TestHubOptions {
  maxPageSize?: number;
  storeOnlineMonths?: number;
  /** Seconds between scheduled pulls of platform sources; 0 (default): pulls only when asked. */
  sourcesPollSeconds?: number;
  /** The clock of scope rules and platform pulls. */
  now?: () => Date;
  tombstoneRetentionSeconds?: number;
  maxBodyBytes?: number;
  trustProxy?: boolean;
  policyKeyFile?: string;
  publicUrl?: string;
  auditRetentionSeconds?: number;
  /** 0 (the default here): no limit. */
  rateLimitPerMinute?: number;
  metricsToken?: string;
}

export async function startTestHub(db: Database, options: TestHubOptions = {}): Promise<TestHub> {
  const hub = await startHub({
    db,
    host: '127.0.0.1',
    port: 0,
    tombstoneRetentionSeconds: options.tombstoneRetentionSeconds ?? 86_400,
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
    maxPageSize: options.maxPageSize ?? 5_000,
    logLevel: 'silent',
    sealer: loadSealer({ key: TEST_ENCRYPTION_KEY }),
    storeOnlineMonths: options.storeOnlineMonths ?? 12,
    sourcesPollSeconds: options.sourcesPollSeconds ?? 0,
    now: options.now,
    trustProxy: options.trustProxy,
    policyKeyFile: options.policyKeyFile,
    publicUrl: options.publicUrl,
    auditRetentionSeconds: options.auditRetentionSeconds ?? 400 * 86_400,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    metricsToken: options.metricsToken,
  });
  const tokenOf = async (role: Role) => {
    const stores = role === 'store' ? ['paris-rivoli'] : [];
    const user = await addUser(db, {
      email: `${role}@example.org`,
      name: `Test ${role}`,
      role,
      stores,
      tokenExpiresInDays: 1,
    });
    return user.token;
  };
  const tokens: Record<Role, string> = {
    agent: await tokenOf('agent'),
    store: await tokenOf('store'),
    supervisor: await tokenOf('supervisor'),
    admin: await tokenOf('admin'),
  };
  return {
    hub,
    db,
    tokens,
    request(path, { method, as = 'admin', json, body, headers = {} } = {}) {
      const token = as === null ? undefined : typeof as === 'string' ? tokens[as] : as.token;
      return fetch(`${hub.url}${path}`, {
        method: method ?? (json === undefined && body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: json !== undefined ? JSON.stringify(json) : body,
      });
    },
    async close() {
      await hub.close();
      await db.close();
    },
  };
}

/** A valid customer record. */
export function customer(id: string, version = 1, given = 'Camille') {
  return { id, version, updatedAt: '2025-03-01T10:00:00.000Z', name: { given, family: 'Durand' } };
}

export function deletion(id: string) {
  return { id, deleted: true, deletedAt: '2025-03-02T10:00:00.000Z' };
}

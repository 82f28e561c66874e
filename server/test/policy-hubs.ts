// Hubs for the policy tests: the key a test hub signs with, and more hubs on the same database.
import { expect } from 'vitest';
import type { Database } from '../db/database';
import { type RunningHub, type StartHubOptions, startHub } from '../hub';
import { policyKeyLoader, publicKeyText } from '../policy/signing-key';
import { loadSealer } from '../secrets/key';
import { TEST_ENCRYPTION_KEY, type TestHub } from './hub-fixture';

const DAY_S = 86_400;

export async function hubPublicKey(hub: TestHub): Promise<string> {
  const loader = policyKeyLoader({ db: hub.db, sealer: loadSealer({ key: TEST_ENCRYPTION_KEY }) });
  return publicKeyText(await loader());
}

/** Another hub on the same database and users as `hub` (another process would see the same), with its own options. */
export function sideHub(db: Database, options: Partial<StartHubOptions> = {}): Promise<RunningHub> {
  return startHub({
    db,
    host: '127.0.0.1',
    port: 0,
    tombstoneRetentionSeconds: DAY_S,
    maxBodyBytes: 1024 * 1024,
    maxPageSize: 100,
    logLevel: 'silent',
    storeOnlineMonths: 12,
    sourcesPollSeconds: 0,
    auditRetentionSeconds: 400 * DAY_S,
    rateLimitPerMinute: 0,
    metricsToken: undefined,
    sealer: loadSealer({ key: TEST_ENCRYPTION_KEY }),
    ...options,
  });
}

export async function tokenFrom(
  url: string,
  agentToken: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${url}/v1/policy`, { headers: { Authorization: `Bearer ${agentToken}`, ...headers } });
  expect(response.status).toBe(200);
  return response.text();
}

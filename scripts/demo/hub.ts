// The demo's hub, also the end-to-end tests': the real server on its embedded database (in a directory made afresh,
// or in memory), with the demo's people (an agent, a store associate, a supervisor and an administrator), the
// company's own addresses, and the customers pushed through the admin API as a retailer's ETL would.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Customer } from '../../lib/feed/schema';
import { readConfig } from '../../server/config';
import { openDatabase } from '../../server/db/open';
import { type RunningHub, startHub } from '../../server/hub';
import type { Role } from '../../server/people/roles';
import { addUser } from '../../server/people/users';
import { policyKeyLoader, publicKeyText } from '../../server/policy/signing-key';
import { loadSealer } from '../../server/secrets/key';
import { sealerOf } from '../../server/secrets/sealer';
import { demoPolicy } from '../feed-server/policy';

export const DEMO_ORGANIZATION = { domains: ['example.org'], phones: ['+33 1 84 60 12 00'] };

const PEOPLE: readonly { role: Role; name: string; email: string; stores: string[]; phones?: string[] }[] = [
  { role: 'agent', name: 'Léa Martin', email: 'lea.martin@example.org', stores: [] },
  { role: 'store', name: 'Hugo Bernard', email: 'hugo.bernard@example.org', stores: ['paris-rivoli'] },
  { role: 'supervisor', name: 'Camille Roux', email: 'camille.roux@example.org', stores: [] },
  { role: 'admin', name: 'Nadia Admin', email: 'admin@example.org', stores: [] },
];

export interface DemoHub {
  url: string;
  /** Each demo person's access token, by role. */
  tokens: Record<Role, string>;
  /** Each demo person's user id, by role. */
  userIds: Record<Role, string>;
  /** The key that verifies the hub's signed policy, for the options page or managed `policyPublicKey`. */
  policyPublicKey: string;
  /** An admin's request to the hub's API; throws on an error answer. */
  admin(method: string, path: string, body: unknown, contentType?: string): Promise<unknown>;
  close(): Promise<void>;
}

const PUSH_BATCH = 10_000;

export interface DemoHubOptions {
  /** The embedded database's directory, emptied first; in memory when absent. */
  dataDir?: string;
  customers: (index: number) => Customer | undefined;
  count: number;
  /** Customers given whole (the demo pages' story, a test's people): pushed after the others. */
  story?: readonly Customer[];
  /** The company's own addresses, never a customer's. */
  organization?: { domains: string[]; phones: string[] };
  /** Who the agent is instead of the demo's Léa Martin: their name, email and own phones are never a customer's. */
  agent?: { name: string; email: string; phones?: string[] };
}

export async function startDemoHub(options: DemoHubOptions): Promise<DemoHub> {
  if (options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });
  const db = await openDatabase({ dataDir: options.dataDir });
  let hub: RunningHub | undefined;
  try {
    const sealer = options.dataDir ? loadSealer({ dataDir: options.dataDir }) : sealerOf(randomBytes(32));
    // The defaults an administrator gets with no environment variable set.
    const { databaseUrl: _url, dataDir: _dir, ...config } = readConfig({ HUB_LOG_LEVEL: 'warn' });
    hub = await startHub({
      ...config,
      db,
      sealer,
      port: 0,
    });
    const tokens = {} as Record<Role, string>;
    const userIds = {} as Record<Role, string>;
    const people = PEOPLE.map((person) =>
      person.role === 'agent' && options.agent ? { ...person, ...options.agent } : person,
    );
    for (const person of people) {
      const user = await addUser(db, { ...person, tokenExpiresInDays: 30 });
      tokens[person.role] = user.token;
      userIds[person.role] = user.id;
    }
    const url = hub.url;
    const admin = async (method: string, path: string, body: unknown, contentType = 'application/json') => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${tokens.admin}`, 'Content-Type': contentType },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const answer: unknown = await response.json();
      // A refused record would only show as a sync that never reaches its count: say it here.
      const rejected = (answer as { rejected?: unknown[] }).rejected;
      if (!response.ok || (Array.isArray(rejected) && rejected.length > 0)) {
        throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer).slice(0, 2000)}`);
      }
      return answer;
    };
    for (let start = 0; start < options.count; start += PUSH_BATCH) {
      const lines: string[] = [];
      for (let index = start; index < Math.min(options.count, start + PUSH_BATCH); index++) {
        const customer = options.customers(index);
        if (customer) lines.push(JSON.stringify(customer));
      }
      await admin('POST', '/v1/admin/customers', `${lines.join('\n')}\n`, 'application/x-ndjson');
    }
    if (options.story?.length) await admin('POST', '/v1/admin/customers', { customers: options.story });
    await admin('PUT', '/v1/admin/organization', options.organization ?? DEMO_ORGANIZATION);
    // The reference policy, for the hub's own people.
    const policyPeople = people.map((person) => ({ id: userIds[person.role], name: person.name, role: person.role }));
    await admin('PUT', '/v1/admin/policy', { ...demoPolicy(), people: policyPeople });
    const policyPublicKey = publicKeyText(await policyKeyLoader({ db, sealer })());
    const running = hub;
    return {
      url,
      tokens,
      userIds,
      policyPublicKey,
      admin,
      async close() {
        await running.close();
        await db.close();
      },
    };
  } catch (error) {
    await hub?.close();
    await db.close();
    throw error;
  }
}

// Budgets under contention, the real case of a PostgreSQL shared by several hub processes: two hubs, each its own OS
// process, take grants on one customer (and one agent's day) at the same instant, each request retried at once on
// the other hub. The policy must hold exactly, and every request must have exactly one stored record.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GestureRecord, gestureRecordSchema } from '../lib/policy/schema';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { pushChanges } from './feed/push';
import { addUser } from './people/users';
import { setPolicy } from './policy/store';
import { scopeRules } from './scopes/rules';
import { testDatabases } from './test/databases';
import { customer } from './test/hub-fixture';
import { type HubProcess, serveHub } from './test/hub-process';
import { grant, testPolicy } from './test/policy-fixture';

const postgres = testDatabases().find((database) => database.name === 'PostgreSQL');

interface Sent {
  key: string;
  token: string;
  body: unknown;
}

/**
 * Opens every pooled connection of both hubs (concurrent reads), so that the grants then run truly side by side: on
 * cold pools the first grant commits while the next connections are still being opened.
 */
async function warmUp(hubs: HubProcess[], token: string): Promise<void> {
  const read = (hub: HubProcess) =>
    fetch(`${hub.url}/v1/gestures?customer=warm-up`, { headers: { Authorization: `Bearer ${token}` } });
  await Promise.all(hubs.flatMap((hub) => Array.from({ length: 30 }, () => read(hub))));
}

/** Sends each request to one hub and, at the same instant, its retry (same key) to the other. */
async function sendTwice(hubs: HubProcess[], requests: Sent[]): Promise<GestureRecord[][]> {
  const send = (hub: HubProcess, { key, token, body }: Sent) =>
    fetch(`${hub.url}/v1/gestures`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(body),
    }).then(async (response) => {
      expect(response.status).toBe(200);
      return gestureRecordSchema.parse(await response.json());
    });
  return Promise.all(
    requests.map((request, index) =>
      Promise.all([send(hubs[index % 2] as HubProcess, request), send(hubs[(index + 1) % 2] as HubProcess, request)]),
    ),
  );
}

describe.skipIf(!postgres?.newUrl || postgres.unavailable)('gesture budgets on two hub processes', () => {
  let db: Database;
  let hubs: HubProcess[] = [];
  const agents: { id: string; token: string }[] = [];

  beforeAll(async () => {
    const url = (await postgres?.newUrl?.()) as string;
    db = await openDatabase({ databaseUrl: url });
    for (const n of [1, 2, 3, 4, 5]) {
      const name = `Agent ${n}`;
      const user = await addUser(db, {
        email: `a${n}@example.org`,
        name,
        role: 'agent',
        stores: [],
        tokenExpiresInDays: 1,
      });
      agents.push(user);
    }
    await setPolicy(db, testPolicy(), 'cli');
    await pushChanges(
      db,
      [
        customer('hot0'),
        customer('hot1'),
        customer('hot2'),
        ...Array.from({ length: 20 }, (_, n) => customer(`day${n}`)),
      ],
      { rules: scopeRules() },
    );
    hubs = await Promise.all(
      [0, 1].map(() => serveHub({ dataDir: mkdtempSync(join(tmpdir(), 'hub-grants-')), databaseUrl: url })),
    );
  }, 180_000);
  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.stop()));
    await db?.close();
  });

  it('grants one €30 of a €50 customer budget out of 50 at once by five agents; the rest wait for approval', async () => {
    // Three such customers at the same instant: three times the chance to catch a budget overdrawn.
    const customers = ['hot0', 'hot1', 'hot2'];
    const requests = customers.flatMap((customerId) =>
      Array.from({ length: 50 }, (_, n) => ({
        key: `${customerId}-${n}`,
        token: (agents[n % agents.length] as { token: string }).token,
        body: grant(customerId),
      })),
    );
    await warmUp(hubs, requests[0]?.token as string);
    const answers = await sendTwice(hubs, requests);
    for (const [first, retry] of answers) expect(retry?.id).toBe(first?.id);
    expect(new Set(answers.map(([first]) => first?.id)).size).toBe(150);
    for (const customerId of customers) {
      const records = answers.map(([first]) => first as GestureRecord).filter((one) => one.customerId === customerId);
      expect(records.filter((record) => record.status === 'granted')).toHaveLength(1);
      expect(records.filter((record) => record.status === 'pending')).toHaveLength(49);
      const { rows } = await db.query<{ status: string; size: number; keys: number }>(
        `select status, sum(size)::int8 as size, count(distinct (agent_id, idempotency_key))::int8 as keys
         from gestures where customer_id = $1 group by status order by status`,
        [customerId],
      );
      expect(rows).toEqual([
        { status: 'granted', size: 3000, keys: 1 },
        { status: 'pending', size: 49 * 3000, keys: 49 },
      ]);
    }
  });

  it("grants one free shipping of an agent's day out of 20 at once on 20 customers, refusing the rest", async () => {
    const agent = agents[0] as { token: string };
    const requests = Array.from({ length: 20 }, (_, n) => ({
      key: `day-${n}`,
      token: agent.token,
      body: grant(`day${n}`, { gesture: 'freeShipping', size: 1, currency: undefined }),
    }));
    await warmUp(hubs, agent.token);
    const answers = await sendTwice(hubs, requests);
    for (const [first, retry] of answers) expect(retry?.id).toBe(first?.id);
    const statuses = answers.map(([first]) => first?.status).sort();
    expect(statuses).toEqual(['granted', ...Array.from({ length: 19 }, () => 'rejected')]);
    const { rows } = await db.query("select 1 from gestures where gesture = 'freeShipping'");
    expect(rows).toHaveLength(20);
  });
});

// `npm run bench -- hub`: the hub on embedded PGlite and on a PostgreSQL server, in the same run. Push 100,000
// customers, one client's full sync beside the reference feed's (the baseline), 20 clients syncing at once, and 200
// grants at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUserToken, serveHub } from '../../server/test/hub-process';
import { createServerDatabase, startPostgresCluster } from '../../server/test/postgres-cluster';
import { customerId, generateCustomer } from '../feed-server/generator';
import { demoPolicy } from '../feed-server/policy';
import { concurrentGrants, concurrentSyncs, createAgents, fullSync, pacedGrants, push } from './hub/clients';
import { cpuMeter } from './hub/cpu';
import { serveReferenceFeed } from './hub/processes';
import { round } from './stats';

const SEED = 'bench-hub';
const BATCH = 10_000;
const CLIENTS = 20;
const GRANTS = 200;
/**
 * One grant per agent, as 200 agents each clicking once: an agent's grants wait on each other by design (they draw on
 * one daily budget), so 10 grants by each of 20 agents would measure that queue rather than the hub. Within budgets:
 * the bench measures the write, not refusals.
 */
const GRANT_AGENTS = 200;
/** The second grant figure: the same 200 agents, each once more, spread over this many seconds (20 grants a second). */
const PACED_SECONDS = 10;

/**
 * The least time in which `count` requests costing `cpuMs` of CPU each (hub, database and clients together) can all
 * be answered on this machine's cores, and so a floor under their p95 when they all arrive at once.
 */
const cpuFloorP95Ms = (cpuMs: { hubMs: number; postgresMs: number; clientsMs: number }, count: number) =>
  round((((cpuMs.hubMs + cpuMs.postgresMs + cpuMs.clientsMs) * count) / availableParallelism()) * 0.95);

function ndjsonBatches(count: number): string[] {
  const batches: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(count, start + BATCH); index++) {
      lines.push(JSON.stringify(generateCustomer(SEED, index)));
    }
    batches.push(`${lines.join('\n')}\n`);
  }
  return batches;
}

async function benchEngine(options: { databaseUrl?: string }, batches: string[], count: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  const where = { dataDir, ...options, env: { HUB_RATE_LIMIT_PER_MINUTE: '0' } };
  const admin = await addUserToken(where, { email: 'admin@bench.test', name: 'Admin', role: 'admin' });
  const agent = await addUserToken(where, { email: 'agent@bench.test', name: 'Agent', role: 'agent' });
  const hub = await serveHub(where);
  const database = options.databaseUrl && new URL(options.databaseUrl).pathname.slice(1);
  const meter = () => cpuMeter(hub.child.pid as number, database);
  try {
    const pushMeter = meter();
    const pushed = await push({ url: hub.url, token: admin }, batches, count);
    const pushCpuMsPer10k = pushMeter.per(count / 10_000);
    const one = await fullSync({ url: hub.url, token: agent });
    if (one.changes !== count) throw new Error(`the full sync got ${one.changes} changes, not ${count}`);
    const many = await concurrentSyncs({ url: hub.url, token: agent }, CLIENTS);
    const policy = await fetch(`${hub.url}/v1/admin/policy`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(demoPolicy()),
    });
    if (!policy.ok) throw new Error(`setting the policy answered ${policy.status}`);
    const agents = await createAgents({ url: hub.url, token: admin }, GRANT_AGENTS);
    const customerIds = Array.from({ length: GRANTS }, (_, index) => customerId(index));
    const grantMeter = meter();
    const grants = await concurrentGrants({ url: hub.url, agents, customerIds });
    const cpuMsPerGrant = grantMeter.per(GRANTS);
    const pacedIds = Array.from({ length: GRANTS }, (_, index) => customerId(GRANTS + index));
    const paced = await pacedGrants({ url: hub.url, agents, customerIds: pacedIds }, PACED_SECONDS);
    return {
      ...pushed,
      pushCpuMsPer10k,
      fullSyncSeconds: round(one.ms / 1000, 2),
      fullSyncPages: one.pages,
      concurrent: many,
      grants: { ...grants, cpuMsPerGrant, cpuFloorP95Ms: cpuFloorP95Ms(cpuMsPerGrant, GRANTS) },
      pacedGrants: paced,
    };
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchHub(): Promise<Record<string, unknown>> {
  const count = Number(process.env.BENCH_HUB_CUSTOMERS ?? 100_000);
  console.log(`Generating ${count} customers…`);
  const batches = ndjsonBatches(count);

  const feed = await serveReferenceFeed(count, SEED);
  const baseline = await fullSync(feed).finally(() => feed.stop());
  console.log(`Reference feed: one full sync of ${baseline.changes} in ${round(baseline.ms / 1000, 2)} s`);

  const pglite = await benchEngine({}, batches, count);
  console.log(`PGlite: ${JSON.stringify(pglite)}`);

  const cluster = await startPostgresCluster({ durable: true });
  let postgresql: Record<string, unknown> | { unavailable: string };
  if ('unavailable' in cluster) postgresql = { unavailable: cluster.unavailable };
  else {
    try {
      postgresql = await benchEngine({ databaseUrl: await createServerDatabase(cluster.url) }, batches, count);
    } finally {
      cluster.stop();
    }
  }
  console.log(`PostgreSQL: ${JSON.stringify(postgresql)}`);
  return {
    customers: count,
    baselineReferenceFullSyncSeconds: round(baseline.ms / 1000, 2),
    pglite,
    postgresql,
  };
}

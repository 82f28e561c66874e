// A hub killed with SIGKILL in the middle of a large push keeps every batch it acknowledged, and the batch it was
// writing can be sent again to the same end state: a push is one transaction, whole or not at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { customerId, generateCustomer } from '../scripts/feed-server/generator';
import { testDatabases } from './test/databases';
import { addUserToken, type HubPlace, serveHub } from './test/hub-process';

const BATCHES = 6;
const BATCH = 4_000;
const KILLED_DURING = 3;

const batches = Array.from({ length: BATCHES }, (_, batch) =>
  Array.from({ length: BATCH }, (_, index) =>
    JSON.stringify(generateCustomer('durability', batch * BATCH + index)),
  ).join('\n'),
);

function push(url: string, token: string, body: string): Promise<Response> {
  return fetch(`${url}/v1/admin/customers`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' },
    body,
  });
}

/** Every change a client syncing from scratch receives, as id → version. */
async function syncAll(url: string, token: string): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  let cursor = '';
  for (;;) {
    const response = await fetch(`${url}/v1/changes?limit=5000${cursor && `&cursor=${cursor}`}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as {
      changes: { id: string; version: number }[];
      cursor: string;
      more: boolean;
    };
    for (const change of page.changes) {
      expect(versions.has(change.id), `${change.id} sent twice`).toBe(false);
      versions.set(change.id, change.version);
    }
    cursor = encodeURIComponent(page.cursor);
    if (!page.more) return versions;
  }
}

for (const database of testDatabases()) {
  describe.skipIf(database.unavailable)(`kill -9 during a push, on ${database.name}`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-kill-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('keeps the acknowledged batches and takes the interrupted one again', { timeout: 240_000 }, async () => {
      const place: HubPlace = { dataDir, databaseUrl: await database.newUrl?.() };
      const admin = await addUserToken(place, { email: 'admin@example.org', name: 'Admin', role: 'admin' });
      const agent = await addUserToken(place, { email: 'agent@example.org', name: 'Agent', role: 'agent' });
      const first = await serveHub(place);
      let lastBatchMs = 0;
      for (const body of batches.slice(0, KILLED_DURING)) {
        const started = performance.now();
        expect((await push(first.url, admin, body)).status).toBe(200);
        lastBatchMs = performance.now() - started;
      }
      const interrupted = push(first.url, admin, batches[KILLED_DURING] as string).then(
        (response) => response.status,
        () => 'no answer' as const,
      );
      // Most of a batch's time is validation, then the write: aim the kill at the write.
      await new Promise((resolve) => setTimeout(resolve, lastBatchMs * 0.7));
      await first.kill();
      // When the answer won the race, that batch was acknowledged too.
      const acknowledgedBatches = (await interrupted) === 200 ? KILLED_DURING + 1 : KILLED_DURING;

      const second = await serveHub(place);
      try {
        const kept = await syncAll(second.url, agent);
        const acknowledged = Array.from({ length: acknowledgedBatches * BATCH }, (_, index) => customerId(index));
        expect(acknowledged.filter((id) => !kept.has(id))).toEqual([]);
        // The batch it was writing landed whole or not at all.
        const interruptedIds = Array.from({ length: BATCH }, (_, index) => customerId(KILLED_DURING * BATCH + index));
        expect([0, BATCH]).toContain(interruptedIds.filter((id) => kept.has(id)).length);
        for (const body of batches.slice(KILLED_DURING)) {
          const response = await push(second.url, admin, body);
          expect(await response.json()).toMatchObject({ accepted: BATCH, rejected: [] });
        }
        const synced = await syncAll(second.url, agent);
        expect(synced.size).toBe(BATCHES * BATCH);
        expect([...synced.values()].every((version) => version === 1)).toBe(true);
      } finally {
        await second.stop();
      }
    });
  });
}

// Records the reference feed's answers that the feed connector's tests replay (tests/fixtures/feed):
//   npx tsx scripts/feed-server/record-fixtures.ts
// Starts the reference feed with two generated customers and writes status and body as it sent them.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFeedServer } from './server';

const out = fileURLToPath(new URL('../../tests/fixtures/feed/', import.meta.url));
const feed = await startFeedServer({ port: 0, customers: 2, seed: 'feed-fixtures' });
try {
  const record = async (name: string, path: string, token: string | null) => {
    const response = await fetch(`${feed.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const body = await response.json();
    writeFileSync(`${out}${name}.json`, `${JSON.stringify({ status: response.status, body }, null, 2)}\n`);
  };
  await record('changes-first-page', '/v1/changes?limit=1', feed.token);
  await record('me', '/v1/me', feed.token);
  await record('unauthorized', '/v1/me', null);
} finally {
  await feed.close();
}

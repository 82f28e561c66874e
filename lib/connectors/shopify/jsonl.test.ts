import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer } from '../../../tests/replay-server';
import { ExpiredUrlError, readGroups } from './jsonl';

const lines = [
  '{"id":"gid://shopify/Customer/1"}',
  '{"id":"gid://shopify/Order/10","__parentId":"gid://shopify/Customer/1"}',
  '{"id":"gid://shopify/Customer/2"',
  '{"id":"gid://shopify/Customer/3"}',
  '{"id":"gid://shopify/Order/30","__parentId":"gid://shopify/Customer/3"}',
];
const file = `${lines.join('\n')}\n`;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

/** A download server that ignores Range and answers the whole file (200), or one status for everything. */
async function serve(status = 200) {
  const server = await startReplayServer(() => ({
    status,
    headers: { 'Content-Type': 'application/jsonl' },
    body: file,
  }));
  close = server.close;
  return server;
}

describe('readGroups', () => {
  it('groups children under their customer, keeps a broken line, and stops at the page size', async () => {
    const server = await serve();
    const first = await readGroups(`${server.url}/export.jsonl`, { byte: 0, line: 0 }, 2, undefined);
    expect(first.groups).toEqual([
      [{ id: 'gid://shopify/Customer/1' }, { id: 'gid://shopify/Order/10', __parentId: 'gid://shopify/Customer/1' }],
      [{ unreadable: '{"id":"gid://shopify/Customer/2"' }],
    ]);
    expect(first).toMatchObject({ line: 3, done: false });
    expect(first.byte).toBe(Buffer.byteLength(`${lines.slice(0, 3).join('\n')}\n`));

    // The server ignores Range here (200): the bytes before the offset are skipped while reading.
    const rest = await readGroups(`${server.url}/export.jsonl`, first, 2, undefined);
    expect(rest.groups.map((group) => group.length)).toEqual([2]);
    expect(rest).toMatchObject({ byte: Buffer.byteLength(file), line: 5, done: true });
    expect(server.requests[1]?.headers.range).toBe(`bytes=${first.byte}-`);
  });

  it('says a refused download is an expired URL, and the end of the file is reached on 416', async () => {
    const expired = await serve(403);
    const error = await readGroups(`${expired.url}/x`, { byte: 0, line: 0 }, 2, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpiredUrlError);
    await expired.close();
    const ended = await serve(416);
    expect(await readGroups(`${ended.url}/x`, { byte: 99, line: 5 }, 2, undefined)).toEqual({
      groups: [],
      byte: 99,
      line: 5,
      done: true,
    });
  });
});

import { readFileSync } from 'node:fs';
import { createShopifyConnector } from '../../lib/connectors/shopify/connector';
import type { SourceContext } from '../../lib/connectors/types';
import { type RecordedRequest, type RecordedResponse, startReplayServer } from '../replay-server';

/** Where the recorded bulk export lives; the fixtures' Google Cloud Storage URL is pointed at the replay server. */
const STORAGE = 'https://storage.googleapis.com';
const JSONL_PREFIX = '/shopify-tiers-assets-prod-us-east1/bulk-operation-outputs/';
export const NOW = new Date('2025-11-05T12:00:00Z');

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/shopify/${name}`, import.meta.url), 'utf8'));
}

export const jsonlFile = readFileSync(new URL('../fixtures/shopify/bulk-customers.jsonl', import.meta.url));

/** The GraphQL operation a request carries (every query of the connector is named). */
export function operationOf(request: RecordedRequest): { name: string; variables: Record<string, unknown> } {
  const body = JSON.parse(request.body) as { query: string; variables: Record<string, unknown> };
  const name = /^(?:query|mutation)\s+(\w+)/.exec(body.query.trim())?.[1] ?? '(anonymous)';
  return { name, variables: body.variables };
}

/** A Shopify answer with the headers Shopify sends along (status 200 unless said otherwise). */
export function shopifyAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): RecordedResponse {
  return {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Request-Id': 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
      ...headers,
    },
    body,
  };
}

/** What Google Cloud Storage answers once a signed URL has expired. */
const expiredUrl: RecordedResponse = {
  status: 400,
  headers: { 'Content-Type': 'application/xml; charset=UTF-8' },
  body: "<?xml version='1.0' encoding='UTF-8'?><Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message><Details>Request signature expired at: 2025-11-10T09:00:41+00:00</Details></Error>",
};

/** The JSONL file as Cloud Storage serves it: `Range: bytes=N-` answers 206 with the rest of the file. */
function serveJsonl(request: RecordedRequest): RecordedResponse {
  const range = /^bytes=(\d+)-$/.exec(String(request.headers.range ?? ''));
  const headers = { 'Content-Type': 'application/jsonl', 'Accept-Ranges': 'bytes' };
  if (!range) return { status: 200, headers, body: jsonlFile.toString('utf8') };
  const start = Number(range[1]);
  const size = jsonlFile.length;
  if (start >= size) return { status: 416, headers: { 'Content-Range': `bytes */${size}` }, body: '' };
  const rest = jsonlFile.subarray(start).toString('utf8');
  return { status: 206, headers: { ...headers, 'Content-Range': `bytes ${start}-${size - 1}/${size}` }, body: rest };
}

type Answer = string | RecordedResponse;

/**
 * A recorded Shopify: each operation name answers from its queue of fixtures (file names) or responses, the last
 * one repeating. `expireDownloads(n)` makes the next n downloads of the export answer as an expired signed URL does.
 */
export async function shopifyReplay(script: Record<string, Answer[]>) {
  let expired = 0;
  const queues = new Map(Object.entries(script).map(([name, answers]) => [name, [...answers]]));
  const server = await startReplayServer((request) => {
    if (request.url.pathname.startsWith(JSONL_PREFIX)) {
      if (expired-- > 0) return expiredUrl;
      return serveJsonl(request);
    }
    const { name } = operationOf(request);
    const queue = queues.get(name);
    if (!queue || queue.length === 0) throw new Error(`no recorded answer for ${name}`);
    const answer = (queue.length > 1 ? queue.shift() : queue[0]) as Answer;
    if (typeof answer !== 'string') return answer;
    return shopifyAnswer(JSON.parse(JSON.stringify(fixture(answer)).replaceAll(STORAGE, server.url)));
  });
  const waits: number[] = [];
  const connector = (now = NOW.getTime()) =>
    createShopifyConnector(
      { kind: 'shopify', url: server.url, token: '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', apiVersion: '2025-10' },
      {
        now: () => now,
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );
  /** Names of the GraphQL operations asked for, and `GET` for downloads of the export, in order. */
  const calls = () => server.requests.map((request) => (request.method === 'GET' ? 'GET' : operationOf(request).name));
  const expireDownloads = (count: number) => {
    expired = count;
  };
  return { server, connector, waits, calls, expireDownloads };
}

export function sourceContext(stored: string[] = [], now: () => Date = () => NOW): SourceContext {
  return { storedIds: async () => stored, now };
}

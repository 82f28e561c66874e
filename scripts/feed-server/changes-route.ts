// GET /v1/changes: cursor and limit handling, fault injection, and a one-page-ahead prefetch so that a client
// parsing page n overlaps with the server generating page n+1.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ChangeLog, RawChange } from './changes-log';
import type { Faults } from './faults';
import { corsHeaders, HttpError, JSON_TYPE, sendJson } from './http';

export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 5000;
const PREFETCHED_PAGES = 4;

export function encodeCursor(seq: number): string {
  return Buffer.from(`v1:${seq}`).toString('base64url');
}

/** The sequence number a cursor stands for; a missing cursor means the start. */
export function decodeCursor(cursor: string | null, lastSeq: number): number {
  if (cursor === null || cursor === '') return 0;
  const match = /^v1:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = match ? Number(match[1]) : Number.NaN;
  if (!(seq <= lastSeq) || encodeCursor(seq) !== cursor) {
    throw new HttpError(400, 'invalid_cursor', 'The cursor is not one this feed issued.');
  }
  return seq;
}

export function parseLimit(value: string | null, maxLimit = MAX_LIMIT): number {
  if (value === null || value === '') return Math.min(DEFAULT_LIMIT, maxLimit);
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new HttpError(400, 'bad_request', 'limit must be a positive integer.');
  }
  return Math.min(Number(value), maxLimit);
}

interface RenderedPage {
  body: string;
  nextSeq: number;
  more: boolean;
}

export interface ChangesRouteOptions {
  gzip: boolean;
  maxLimit?: number;
  /** Keep every rendered page (benchmarks: measure the client, not the generator). Memory grows with the log. */
  keepPages?: boolean;
}

export function createChangesRoute(log: ChangeLog, faults: Faults, options: ChangesRouteOptions) {
  const { gzip, maxLimit = MAX_LIMIT } = options;
  const kept = options.keepPages ? new Map<string, RenderedPage>() : null;
  // Keyed by position, limit and log length: any mutation changes the length and so invalidates old pages.
  const prefetched = new Map<string, RenderedPage>();
  const keyOf = (after: number, limit: number) => `${after}/${limit}/${log.lastSeq}`;

  function render(after: number, limit: number, extra: readonly unknown[] = []): RenderedPage {
    const page = log.page(after, limit);
    const more = page.remaining > 0;
    const changes = extra.length > 0 ? faults.mixIn(page.changes, extra) : page.changes;
    const rest = { cursor: encodeCursor(page.lastSeq), more, remaining: page.remaining };
    const body = changes.some((change) => change instanceof RawChange)
      ? `{"changes":[${changes.map((change) => (change instanceof RawChange ? change.json : JSON.stringify(change))).join(',')}],${JSON.stringify(rest).slice(1)}`
      : JSON.stringify({ changes, ...rest });
    return { body, nextSeq: page.lastSeq, more };
  }

  function prefetch(after: number, limit: number): void {
    setImmediate(() => {
      const key = keyOf(after, limit);
      if (prefetched.has(key)) return;
      if (prefetched.size >= PREFETCHED_PAGES) prefetched.delete(prefetched.keys().next().value as string);
      prefetched.set(key, render(after, limit));
    });
  }

  return async function changes(url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const limit = parseLimit(url.searchParams.get('limit'), maxLimit);
    const after = decodeCursor(url.searchParams.get('cursor'), log.lastSeq);
    const fault = faults.draw();
    if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.kind === 'error500') throw new HttpError(500, 'internal_error', 'Injected server error.');
    if (fault.kind === 'rate429') {
      const retryAfter = { 'Retry-After': String(fault.retryAfterSeconds) };
      throw new HttpError(429, 'rate_limited', 'Too many requests.', retryAfter);
    }
    const key = keyOf(after, limit);
    const cached = kept?.get(key) ?? prefetched.get(key);
    prefetched.delete(key);
    const page = cached && fault.invalidRecords.length === 0 ? cached : render(after, limit, fault.invalidRecords);
    if (kept && fault.invalidRecords.length === 0) kept.set(key, page);
    if (fault.kind === 'none') {
      // Only once the body is flushed: generating blocks the event loop, which would otherwise stall the send.
      if (page.more) response.once('finish', () => prefetch(page.nextSeq, limit));
      return sendJson(request, response, 200, page.body, {}, gzip);
    }
    const bytes = Buffer.from(page.body, 'utf8');
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    if (fault.kind === 'truncated') {
      response.writeHead(200, { ...corsHeaders, 'Content-Type': JSON_TYPE, 'Content-Length': String(half.length) });
      response.end(half);
      return;
    }
    // drop: promise the whole body, send half of it, then cut the connection.
    response.writeHead(200, { ...corsHeaders, 'Content-Type': JSON_TYPE, 'Content-Length': String(bytes.length) });
    response.write(half, () => response.destroy());
  };
}

// Small HTTP helpers shared by the feed routes and the control routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

export const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
} as const;

export const JSON_TYPE = 'application/json; charset=utf-8';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Counts answers by path and status, for GET /__control/stats. */
export class RequestStats {
  private readonly counts = new Map<string, Map<string, number>>();

  record(path: string, status: number | string): void {
    let byStatus = this.counts.get(path);
    if (!byStatus) {
      byStatus = new Map();
      this.counts.set(path, byStatus);
    }
    const key = String(status);
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }

  snapshot(): Record<string, Record<string, number>> {
    const result: Record<string, Record<string, number>> = {};
    for (const [path, byStatus] of this.counts) result[path] = Object.fromEntries(byStatus);
    return result;
  }
}

/**
 * Sends JSON. With `gzip`, large bodies are compressed (level 1, off the main thread) when the client accepts it:
 * realistic, but on localhost it halves sync throughput, so the server only does it when asked to.
 */
export async function sendJson(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  gzip = false,
): Promise<void> {
  if (response.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let payload: Buffer = Buffer.from(text, 'utf8');
  const allHeaders: Record<string, string> = { ...corsHeaders, 'Content-Type': JSON_TYPE, ...headers };
  if (gzip && payload.length > 4096 && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    payload = await gzipAsync(payload, { level: 1 });
    allHeaders['Content-Encoding'] = 'gzip';
    allHeaders.Vary = 'Accept-Encoding';
  }
  allHeaders['Content-Length'] = String(payload.length);
  response.writeHead(status, allHeaders);
  response.end(payload);
}

export function errorBody(code: string, message: string) {
  return { error: code, message };
}

/** Reads and parses a JSON request body (up to `maxBytes`); an empty body reads as {}. */
export async function readJson(request: IncomingMessage, maxBytes = 10_000_000): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'payload_too_large', `Request body over ${maxBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_request', 'The request body is not valid JSON.');
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

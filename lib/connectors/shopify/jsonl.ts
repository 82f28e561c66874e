import { FeedError } from '../../feed/client';

/** The result URL no longer answers (signed URLs expire): the caller asks Shopify for a fresh one. */
export class ExpiredUrlError extends Error {
  constructor(readonly status: number) {
    super(`Shopify's bulk export URL answered ${status}.`);
    this.name = 'ExpiredUrlError';
  }
}

export type JsonlObject = Record<string, unknown>;

export interface JsonlPage {
  /** Each top-level object (a customer) followed by its descendants' lines, which carry `__parentId`. */
  groups: JsonlObject[][];
  /** Where the next page starts: byte offset and line number of its first top-level line. */
  byte: number;
  line: number;
  done: boolean;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Reads up to `max` groups of a bulk export's JSONL file (written with `groupObjects: true`: a customer's orders and
 * lines follow it), from a byte offset that starts a top-level line. It asks only for the rest of the file
 * (`Range`), skips the bytes itself when the server ignores that, and stops downloading once the page is full. A
 * line that is not JSON is kept as `{ unreadable }`, so the record it was is quarantined rather than lost.
 */
export async function readGroups(
  url: string,
  from: { byte: number; line: number },
  max: number,
  signal: AbortSignal | undefined,
): Promise<JsonlPage> {
  let response: Response;
  try {
    // No Shopify token here: the URL is signed, and it points at another host.
    response = await fetch(url, { headers: { Range: `bytes=${from.byte}-` }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FeedError(`Cannot download Shopify's bulk export (${(error as Error).message}).`, null, true);
  }
  if (response.status === 416) return { groups: [], ...from, done: true };
  if ([400, 401, 403, 404, 410].includes(response.status)) {
    await response.body?.cancel();
    throw new ExpiredUrlError(response.status);
  }
  if (!response.ok || !response.body) {
    const retryable = response.status === 429 || response.status >= 500;
    throw new FeedError(`Downloading Shopify's bulk export failed (${response.status}).`, response.status, retryable);
  }
  const groups: JsonlObject[][] = [];
  const decoder = new TextDecoder();
  let skip = response.status === 206 ? 0 : from.byte;
  let byte = from.byte;
  let line = from.line;
  let pending: Uint8Array = new Uint8Array(0);

  /** Takes one line; false when the page is full and this line starts the next one. */
  const take = (bytes: Uint8Array): boolean => {
    const text = decoder.decode(bytes).trim();
    if (text === '') return true;
    let parsed: JsonlObject;
    try {
      const value: unknown = JSON.parse(text);
      parsed = typeof value === 'object' && value !== null ? (value as JsonlObject) : { unreadable: text };
    } catch {
      parsed = { unreadable: text.slice(0, 2_000) };
    }
    if (typeof parsed.__parentId === 'string') {
      // A child before any customer of this page belongs to the previous page's last customer, already sent.
      groups.at(-1)?.push(parsed);
      return true;
    }
    if (groups.length >= max) return false;
    groups.push([parsed]);
    return true;
  };

  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) {
        const dropped = Math.min(skip, value.length);
        skip -= dropped;
        pending = concat(pending, value.subarray(dropped));
        for (let newline = pending.indexOf(10); newline !== -1; newline = pending.indexOf(10)) {
          if (!take(pending.subarray(0, newline))) return { groups, byte, line, done: false };
          pending = pending.subarray(newline + 1);
          byte += newline + 1;
          line++;
        }
      }
      if (done) {
        if (pending.length > 0) {
          if (!take(pending)) return { groups, byte, line, done: false };
          byte += pending.length;
          line++;
        }
        return { groups, byte, line, done: true };
      }
    }
  } finally {
    // Stops the download once the page is full.
    await reader.cancel().catch(() => undefined);
  }
}

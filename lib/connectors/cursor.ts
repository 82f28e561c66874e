import type { z } from 'zod';
import { FeedError } from '../feed/client';

/** A connector's cursor is its own state as base64url JSON, checked against its schema when read back. */
export function encodeCursor(state: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** An unreadable cursor is a 400: the engine then reads the source again from the start (a resync). */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    return schema.parse(JSON.parse(json));
  } catch {
    throw new FeedError('The saved sync position does not belong to this source.', 400, false);
  }
}

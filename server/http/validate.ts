// Request bodies and queries checked with a zod schema: a mismatch is a 400 naming the first field at fault.
import type { z } from 'zod';
import { HttpError } from './errors';

/** The parsed value, or a 400 `{ error: "bad_request", message: "<what>: <field>: <problem>" }`. */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError(400, 'bad_request', `${what}: ${issue?.path.join('.') || 'body'}: ${issue?.message}`);
}

// What clients send to /v1/gestures, as the feed API specifies it (the reference feed's own schemas).
import { z } from 'zod';
import { gestureRecordSchema, gestureRequestSchema } from '../../lib/policy/schema';
import { HttpError } from '../http/errors';

export const grantBodySchema = gestureRequestSchema.extend({
  customerId: z.string().min(1).max(200),
  reason: z.string().trim().min(3).max(500),
  channel: gestureRecordSchema.shape.channel,
  /** The agent asks for approval (above limits); otherwise a grant within limits. */
  approval: z.boolean().default(false),
});
export type GrantBody = z.infer<typeof grantBodySchema>;

const decisionBodySchema = z.object({ comment: z.string().trim().max(500).default('') });

export const listQuerySchema = z.object({
  customer: z.string().min(1).max(200).optional(),
  agent: z.string().min(1).max(200).optional(),
  status: gestureRecordSchema.shape.status.optional(),
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message}`;
}

export function parseIdempotencyKey(header: string | string[] | undefined): string {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 200) {
    throw new HttpError(400, 'bad_request', 'An Idempotency-Key header (at most 200 characters) is required.');
  }
  return key;
}

export function parseGrantBody(body: unknown): GrantBody {
  const parsed = grantBodySchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'bad_request', `Invalid gesture: ${firstProblem(parsed.error)}`);
  // PostgreSQL's text cannot hold U+0000: refused here rather than failing the write.
  if (JSON.stringify(parsed.data).includes('\\u0000')) {
    throw new HttpError(400, 'bad_request', 'Invalid gesture: it holds a NUL character (U+0000).');
  }
  return parsed.data;
}

/** The supervisor's comment; an empty one is none. */
export function parseDecisionComment(body: unknown): string | undefined {
  const parsed = decisionBodySchema.safeParse(body ?? {});
  if (!parsed.success) throw new HttpError(400, 'bad_request', 'Send { "comment": text of at most 500 characters }.');
  return parsed.data.comment || undefined;
}

export function parseListQuery(query: unknown): ListQuery {
  const parsed = listQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'bad_request',
      `${firstProblem(parsed.error)} (status: granted, pending, approved or rejected; since: an ISO 8601 date).`,
    );
  }
  return parsed.data;
}

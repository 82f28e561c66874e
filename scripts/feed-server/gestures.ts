// Gestures and approvals: stored once per Idempotency-Key, checked against the policy on the server too,
// approved or rejected by supervisors, listed as history for every channel.
import { z } from 'zod';
import type { Customer, Me } from '../../lib/feed/schema';
import { evaluate } from '../../lib/policy/evaluate';
import { grantRecord } from '../../lib/policy/grant-record';
import { type GestureRecord, gestureRecordSchema, gestureRequestSchema, type Policy } from '../../lib/policy/schema';
import { HttpError } from './http';

export const grantBodySchema = gestureRequestSchema.extend({
  customerId: z.string().min(1).max(200),
  reason: z.string().trim().min(3).max(500),
  channel: gestureRecordSchema.shape.channel,
  /** The agent asks for approval (above limits); otherwise a grant within limits. */
  approval: z.boolean().default(false),
});

const decisionBodySchema = z.object({ comment: z.string().trim().max(500).default('') });

const isSupervisor = (user: Me) => user.role === 'supervisor' || user.role === 'admin';

export class GestureStore {
  readonly records: GestureRecord[] = [];
  private readonly byKey = new Map<string, GestureRecord>();

  constructor(
    private readonly policy: () => Policy,
    private readonly customer: (id: string) => Customer | undefined,
  ) {}

  /**
   * POST /v1/gestures. The same Idempotency-Key from the same user answers the same record, stored once. The
   * server evaluates the policy itself: a grant that now needs approval is stored pending, one it denies rejected.
   */
  grant(body: unknown, user: Me, key: string | undefined, now = new Date()): GestureRecord {
    if (!key || key.length > 200) throw new HttpError(400, 'bad_request', 'An Idempotency-Key header is required.');
    const known = this.byKey.get(`${user.id}:${key}`);
    if (known) return known;
    const parsed = grantBodySchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad_request', `Invalid gesture: ${parsed.error.issues[0]?.message}`);
    const request = parsed.data;
    const customer = this.customer(request.customerId);
    if (!customer) throw new HttpError(404, 'not_found', `No customer ${request.customerId}.`);
    const verdict = evaluate({ policy: this.policy(), me: user, customer, request, history: this.records, now });
    const record = grantRecord({ request, agent: user, verdict, now });
    this.records.push(record);
    this.byKey.set(`${user.id}:${key}`, record);
    return record;
  }

  /** POST /v1/gestures/{id}/approve|reject, by a supervisor, on a pending request. */
  decide(id: string, verdict: 'approve' | 'reject', body: unknown, user: Me): GestureRecord {
    if (!isSupervisor(user)) throw new HttpError(403, 'forbidden', 'Only supervisors can decide on approvals.');
    const record = this.records.find((known) => known.id === id);
    if (!record) throw new HttpError(404, 'not_found', `No gesture ${id}.`);
    const parsed = decisionBodySchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad_request', 'The comment must be text of at most 500 characters.');
    const status = verdict === 'approve' ? 'approved' : 'rejected';
    if (record.status === status) return record; // a retried decision
    if (record.status !== 'pending') throw new HttpError(409, 'conflict', `Gesture ${id} is already ${record.status}.`);
    Object.assign(record, { status, decidedBy: user.id, comment: parsed.data.comment || undefined });
    return record;
  }

  /**
   * GET /v1/gestures?customer=&agent=&status=&since=. Agents and store staff read one customer's gestures (to count
   * what was already given, on every channel) or their own; supervisors read everything.
   */
  list(user: Me, query: URLSearchParams): { gestures: GestureRecord[] } {
    const customer = query.get('customer');
    const agent = query.get('agent');
    const status = query.get('status');
    const since = query.get('since');
    if (!isSupervisor(user) && !customer && agent !== user.id) {
      throw new HttpError(403, 'forbidden', 'Ask for a customer, or for your own gestures.');
    }
    const sinceTime = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    const gestures = this.records.filter(
      (record) =>
        (!customer || record.customerId === customer) &&
        (!agent || record.agentId === agent) &&
        (!status || record.status === status) &&
        Date.parse(record.at) >= sinceTime,
    );
    return { gestures: gestures.slice(-2000).reverse() };
  }

  /** Control: a gesture given on another channel (store till, phone system), for tests and the demo. */
  record(record: GestureRecord): void {
    this.records.push(gestureRecordSchema.parse(record));
  }
}

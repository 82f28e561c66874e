// What a server stores for a grant request once its own policy check has decided: one definition for the hub and the
// reference feed. Texts are cut to the record schema's bounds, so a stored record always reads back valid.
import type { Evaluation } from './evaluate';
import type { GestureRecord, GestureRequest } from './schema';

export interface GrantRequest extends GestureRequest {
  customerId: string;
  reason: string;
  channel: GestureRecord['channel'];
  /** The agent asks for approval rather than granting within limits. */
  approval: boolean;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** Denied: rejected by the policy; over a limit but within approval, or asked: pending; otherwise granted. */
export function grantRecord(options: {
  request: GrantRequest;
  agent: { id: string; name: string };
  verdict: Pick<Evaluation, 'decision' | 'rule'>;
  now: Date;
}): GestureRecord {
  const { request, agent, verdict, now } = options;
  const status =
    verdict.decision === 'deny'
      ? 'rejected'
      : verdict.decision === 'approval' || request.approval
        ? 'pending'
        : 'granted';
  const rule = truncate(verdict.rule, 500);
  return {
    id: `gst_${crypto.randomUUID()}`,
    customerId: request.customerId,
    agentId: agent.id,
    agentName: truncate(agent.name, 200),
    gesture: request.gesture,
    size: request.size,
    currency: request.currency,
    reason: request.reason,
    channel: request.channel,
    status,
    at: now.toISOString(),
    rule,
    ...(status === 'rejected' && { decidedBy: 'policy', comment: rule }),
  };
}

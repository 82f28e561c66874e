// The policies an administrator set: every version kept, the newest in force. Validated with the extension's own
// schema, so the hub never signs a policy the extension would refuse as malformed.
import { type Policy, policySchema } from '../../lib/policy/schema';
import type { Queryable } from '../db/database';

export interface StoredPolicy {
  /** Counts the versions set on this hub, from 1; the highest is in force. */
  revision: number;
  policy: Policy;
  /** The user id of the administrator who set it, or "cli". */
  setBy: string;
  setAt: string;
}

/** A policy that fails the schema: `path` is its first problem's place ("rules.0.maxPerGesture"). */
export class InvalidPolicyError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`Invalid policy: ${path}: ${problem}`);
  }
}

/** The policy, checked with lib/policy/schema.ts; throws InvalidPolicyError naming the first problem. */
export function parsePolicy(input: unknown): Policy {
  const parsed = policySchema.safeParse(input);
  if (parsed.success) {
    // PostgreSQL's jsonb cannot hold U+0000: refused here rather than failing the write.
    if (JSON.stringify(parsed.data).includes('\\u0000'))
      throw new InvalidPolicyError('policy', 'holds a NUL character');
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  throw new InvalidPolicyError(issue?.path.join('.') || 'policy', issue?.message ?? 'not a policy');
}

interface PolicyRow {
  revision: number;
  /** The body as JSON text. */
  body: string;
  set_by: string;
  set_at: Date | string;
}

/** Policies read back, by their JSON text: the one in force is read for every grant, and parsing it costs more. */
const parsedPolicies = new Map<string, Policy>();

export function policyOfText(text: string): Policy {
  let policy = parsedPolicies.get(text);
  if (!policy) {
    // Parsed again: jsonb does not keep key order, and a policy read back must be the schema's shape.
    policy = policySchema.parse(JSON.parse(text));
    if (parsedPolicies.size >= 8) parsedPolicies.clear();
    parsedPolicies.set(text, policy);
  }
  return policy;
}

function storedOf(row: PolicyRow): StoredPolicy {
  return {
    revision: row.revision,
    policy: policyOfText(row.body),
    setBy: row.set_by,
    setAt: new Date(row.set_at).toISOString(),
  };
}

/** Stores a new version of the policy, in force from now. */
export async function setPolicy(db: Queryable, input: unknown, setBy: string): Promise<StoredPolicy> {
  const policy = parsePolicy(input);
  const { rows } = await db.query<PolicyRow>(
    'insert into policies (body, set_by) values ($1::jsonb, $2) returning revision, body::text as body, set_by, set_at',
    [JSON.stringify(policy), setBy],
  );
  return storedOf(rows[0] as PolicyRow);
}

/** The policy in force (the newest one set), or null when none was ever set. */
export async function currentPolicy(db: Queryable): Promise<StoredPolicy | null> {
  const { rows } = await db.query<PolicyRow>(
    'select revision, body::text as body, set_by, set_at from policies order by revision desc limit 1',
  );
  return rows[0] ? storedOf(rows[0]) : null;
}

import type { Customer, Me } from '../feed/schema';
import { outOfDates, rulesFor, unmetCondition } from './conditions';
import { type GestureRecord, type GestureRequest, gestureUnit, isGiven, type Policy, type PolicyRule } from './schema';
import { dayKey, daysBefore, formatSize, gestureNames, inPolicyCurrency } from './units';

export type Decision = 'allow' | 'approval' | 'deny';

/** What is left of a cap after what was already given; null when the rule sets no such cap. */
export interface Budget {
  count: number | null;
  total: number | null;
}

export interface Evaluation {
  decision: Decision;
  /** The rule that decided, in words (English). */
  rule: string;
  ruleId?: string;
  /** The largest single gesture granted at once, and what is left per customer (period) and for the agent today. */
  remaining: { perGesture: number | null; customer: Budget | null; agentToday: Budget | null };
  /** The same gesture already given to this customer in the rule's period, on any channel. */
  given: GestureRecord[];
}

export interface EvaluationInput {
  policy: Policy;
  me: Pick<Me, 'id' | 'name' | 'role'>;
  customer: Customer;
  request: GestureRequest;
  /** Gestures from the feed (every channel, every agent); this function keeps the relevant ones. */
  history: GestureRecord[];
  now: Date;
}

const rank: Record<Decision, number> = { allow: 0, approval: 1, deny: 2 };
const none: Evaluation['remaining'] = { perGesture: null, customer: null, agentToday: null };

/** "May agent A grant gesture G of size S to customer C now?" — pure: the same input always gives the same answer. */
export function evaluate(input: EvaluationInput): Evaluation {
  const { policy, me, customer, request, now } = input;
  const deny = (rule: string, ruleId?: string): Evaluation => ({
    decision: 'deny',
    rule,
    ruleId,
    remaining: none,
    given: [],
  });
  if (now < new Date(policy.validFrom)) return deny(`Policy "${policy.id}" is in force only from ${policy.validFrom}.`);
  if (now >= new Date(policy.validUntil)) return deny(`Policy "${policy.id}" expired on ${policy.validUntil}.`);
  const what = gestureNames[request.gesture];
  const money = gestureUnit[request.gesture] === 'money';
  const size = money ? inPolicyCurrency(request.size, request.currency, policy) : request.size;
  if (size === null) return deny(`Policy "${policy.id}" has no exchange rate for ${request.currency}.`);

  const named = rulesFor(policy, me, request.gesture);
  if (named.length === 0) return deny(`No rule of policy "${policy.id}" lets ${me.name} (${me.role}) grant ${what}.`);
  const inForce = named.filter((rule) => !outOfDates(rule, now));
  if (inForce.length === 0) return deny(capitalize(`${outOfDates(named[0] as PolicyRule, now)}.`));
  const eligible = inForce.filter((rule) => !unmetCondition(rule, customer, policy));
  if (eligible.length === 0) return deny(capitalize(`${unmetCondition(inForce[0] as PolicyRule, customer, policy)}.`));

  let best: Evaluation | null = null;
  for (const rule of eligible) {
    const outcome = evaluateRule(rule, { ...input, size });
    if (!best || rank[outcome.decision] < rank[best.decision]) best = outcome;
  }
  return best as Evaluation;
}

interface Tally {
  count: number;
  total: number;
  /** A counted gesture in a currency the policy has no rate for. */
  unknownCurrency?: string;
}

function tally(records: GestureRecord[], policy: Policy): Tally {
  const result: Tally = { count: 0, total: 0 };
  for (const record of records) {
    result.count++;
    const value =
      gestureUnit[record.gesture] === 'money' ? inPolicyCurrency(record.size, record.currency, policy) : record.size;
    if (value === null) result.unknownCurrency = record.currency;
    else result.total += value;
  }
  return result;
}

function left(cap: { count?: number; total?: number } | undefined, used: Tally): Budget | null {
  if (!cap) return null;
  const count = cap.count === undefined ? null : Math.max(0, cap.count - used.count);
  const total = cap.total === undefined ? null : Math.max(0, cap.total - used.total);
  return { count, total };
}

function evaluateRule(rule: PolicyRule, input: EvaluationInput & { size: number }): Evaluation {
  const { policy, me, customer, history, now, size } = input;
  const today = dayKey(now, policy.timeZone);
  const sameGesture = history.filter((record) => record.gesture === rule.gesture && isGiven(record));
  const since = rule.perCustomer ? daysBefore(today, rule.perCustomer.days - 1) : today;
  const given = sameGesture.filter(
    (record) => record.customerId === customer.id && dayKey(new Date(record.at), policy.timeZone) >= since,
  );
  const byAgentToday = sameGesture.filter(
    (record) => record.agentId === me.id && dayKey(new Date(record.at), policy.timeZone) === today,
  );
  const customerUsed = tally(given, policy);
  const agentUsed = tally(byAgentToday, policy);
  const remaining = {
    perGesture: rule.maxPerGesture,
    customer: left(rule.perCustomer, customerUsed),
    agentToday: left(rule.perAgentPerDay, agentUsed),
  };
  const sized = (value: number) => formatSize(rule.gesture, value, policy.currency);
  const over: string[] = [];
  if (size > rule.maxPerGesture) over.push(`above the ${sized(rule.maxPerGesture)} per-gesture limit`);
  const customerCap = rule.perCustomer;
  if (customerCap) {
    const period = `${customerCap.days} ${customerCap.days === 1 ? 'day' : 'days'}`;
    if (customerCap.count !== undefined && customerUsed.count + 1 > customerCap.count)
      over.push(
        `already given ${customerUsed.count} time(s) to this customer in ${period} (limit ${customerCap.count})`,
      );
    if (customerCap.total !== undefined && customerUsed.total + size > customerCap.total)
      over.push(
        `over the ${sized(customerCap.total)} per-customer limit for ${period} (${sized(customerUsed.total)} given)`,
      );
  }
  const agentCap = rule.perAgentPerDay;
  if (agentCap?.count !== undefined && agentUsed.count + 1 > agentCap.count)
    over.push(`${me.name} already gave it ${agentUsed.count} time(s) today (limit ${agentCap.count})`);
  if (agentCap?.total !== undefined && agentUsed.total + size > agentCap.total)
    over.push(`over ${me.name}'s ${sized(agentCap.total)} daily limit (${sized(agentUsed.total)} given today)`);
  const unknown = customerUsed.unknownCurrency ?? agentUsed.unknownCurrency;
  if (unknown) over.push(`a past gesture in ${unknown} cannot be counted (no exchange rate)`);

  const head = `Rule "${rule.id}": ${sized(size)} of ${gestureNames[rule.gesture]}`;
  const result = { ruleId: rule.id, remaining, given };
  if (over.length === 0) {
    return { ...result, decision: 'allow', rule: `${head} is within the limits.` };
  }
  if (rule.approvalUpTo !== undefined && size <= rule.approvalUpTo) {
    const ceiling = `a supervisor may approve up to ${sized(rule.approvalUpTo)}`;
    return { ...result, decision: 'approval', rule: `${head} is ${over.join('; ')}: ${ceiling}.` };
  }
  const ceiling =
    rule.approvalUpTo === undefined
      ? 'no approval is possible'
      : `above the ${sized(rule.approvalUpTo)} approval ceiling`;
  return { ...result, decision: 'deny', rule: `${head} is ${over.join('; ')}, and ${ceiling}.` };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

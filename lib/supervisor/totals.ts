import { type GestureRecord, gestureUnit, isGiven, type Policy } from '../policy/schema';
import { dayKey, inPolicyCurrency } from '../policy/units';

/** What was given under one key (an agent, a customer, a day): how many gestures, and the money among them. */
export interface Total {
  key: string;
  count: number;
  /** Money gestures, in minor units of the policy's currency (a currency without a rate is left out). */
  money: number;
}

function moneyOf(record: GestureRecord, policy: Policy): number {
  if (gestureUnit[record.gesture] !== 'money') return 0;
  return inPolicyCurrency(record.size, record.currency, policy) ?? 0;
}

/**
 * Totals of what was given (granted, or approved later) by a key; pending and rejected requests gave nothing. Keys
 * in `keep` are listed even with nothing given (every day of a chart); the others in the order of `keep`, then by
 * the money given, largest first.
 */
export function totalsBy(
  records: readonly GestureRecord[],
  options: { key: (record: GestureRecord) => string; policy: Policy; keep?: readonly string[] },
): Total[] {
  const totals = new Map<string, Total>((options.keep ?? []).map((key) => [key, { key, count: 0, money: 0 }]));
  for (const record of records) {
    if (!isGiven(record)) continue;
    const key = options.key(record);
    const total = totals.get(key) ?? { key, count: 0, money: 0 };
    total.count += 1;
    total.money += moneyOf(record, options.policy);
    totals.set(key, total);
  }
  const all = [...totals.values()];
  if (options.keep) return all;
  return all.sort((a, b) => b.money - a.money || b.count - a.count || a.key.localeCompare(b.key));
}

/** The three views of a history: per day of the policy's zone (every day of the range), per agent, per customer. */
export function historyTotals(
  records: readonly GestureRecord[],
  options: { policy: Policy; days: readonly string[] },
): { days: Total[]; agents: Total[]; customers: Total[] } {
  const { policy, days } = options;
  return {
    days: totalsBy(records, { key: (record) => dayKey(new Date(record.at), policy.timeZone), policy, keep: days }),
    agents: totalsBy(records, { key: (record) => record.agentId, policy }),
    customers: totalsBy(records, { key: (record) => record.customerId, policy }),
  };
}

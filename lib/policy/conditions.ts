import type { Customer, Me } from '../feed/schema';
import type { Gesture, Policy, PolicyRule } from './schema';
import { formatMoney, lifetimeValue } from './units';

/** Whether a rule applies to this person: by role, or by name. */
export function ruleAppliesTo(rule: PolicyRule, me: Pick<Me, 'id' | 'role'>): boolean {
  return !!rule.who.roles?.includes(me.role) || !!rule.who.people?.includes(me.id);
}

/** The rules naming this person and gesture, in policy order. */
export function rulesFor(policy: Policy, me: Pick<Me, 'id' | 'role'>, gesture?: Gesture): PolicyRule[] {
  return policy.rules.filter((rule) => (!gesture || rule.gesture === gesture) && ruleAppliesTo(rule, me));
}

/** Why the rule is not in force now, or null when it is. */
export function outOfDates(rule: PolicyRule, now: Date): string | null {
  if (rule.validFrom && now < new Date(rule.validFrom)) return `rule "${rule.id}" applies only from ${rule.validFrom}`;
  if (rule.validUntil && now >= new Date(rule.validUntil)) return `rule "${rule.id}" ended on ${rule.validUntil}`;
  return null;
}

/** Why the customer does not meet the rule's conditions, or null when they do. */
export function unmetCondition(rule: PolicyRule, customer: Customer, policy: Policy): string | null {
  const when = rule.when;
  if (!when) return null;
  if (when.consent && customer.consent?.personalization !== true) {
    return `rule "${rule.id}" requires the customer's personalization consent`;
  }
  if (when.tiers?.length) {
    const tier = customer.loyalty?.tier;
    const tiers = when.tiers.map((one) => one.toLowerCase());
    if (!tier || !tiers.includes(tier.toLowerCase())) {
      return `rule "${rule.id}" requires loyalty tier ${when.tiers.join(' or ')}; the customer is ${tier ?? 'not a member'}`;
    }
  }
  if (when.segments?.length) {
    const segment = customer.influence?.segment;
    if (!segment || !when.segments.includes(segment)) {
      return `rule "${rule.id}" requires an influential customer (${when.segments.join(' or ')})`;
    }
  }
  if (when.minLifetimeValue !== undefined) {
    const value = lifetimeValue(customer, policy);
    if (value < when.minLifetimeValue) {
      const needed = formatMoney(when.minLifetimeValue, policy.currency, 'en');
      const has = formatMoney(value, policy.currency, 'en');
      return `rule "${rule.id}" requires a lifetime value of at least ${needed}; the customer's is ${has}`;
    }
  }
  return null;
}

// A policy for the hub's tests: €30 goodwill at once and €50 per customer a month for agents (approval up to €30),
// one free shipping per agent a day (no approval), discounts for gold customers only, and supervisors' own rule.
import { type Policy, policySchema } from '../../lib/policy/schema';

const DAY_MS = 86_400_000;

export function testPolicy(over: Partial<Policy> = {}, now = new Date()): Policy {
  return policySchema.parse({
    version: 1,
    id: 'hub-test',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    validFrom: new Date(now.getTime() - DAY_MS).toISOString(),
    validUntil: new Date(now.getTime() + 365 * DAY_MS).toISOString(),
    people: [],
    rules: [
      {
        id: 'agent-goodwill',
        who: { roles: ['agent', 'store'] },
        gesture: 'goodwill',
        maxPerGesture: 3000,
        approvalUpTo: 3000,
        perCustomer: { days: 30, total: 5000 },
      },
      {
        id: 'agent-shipping',
        who: { roles: ['agent'] },
        gesture: 'freeShipping',
        maxPerGesture: 1,
        perAgentPerDay: { count: 1 },
      },
      {
        id: 'gold-discount',
        who: { roles: ['agent'] },
        gesture: 'discount',
        maxPerGesture: 10,
        approvalUpTo: 20,
        when: { tiers: ['gold'] },
      },
      { id: 'supervisor-goodwill', who: { roles: ['supervisor', 'admin'] }, gesture: 'goodwill', maxPerGesture: 50000 },
    ],
    ...over,
  });
}

/** A gesture request body as the extension's outbox sends it. */
export function grant(customerId: string, over: Record<string, unknown> = {}) {
  return {
    customerId,
    gesture: 'goodwill',
    size: 3000,
    currency: 'EUR',
    reason: 'late parcel',
    channel: 'phone',
    approval: false,
    ...over,
  };
}

import { z } from 'zod';

// The empowerment policy, version 1: who may grant which gesture, of what size, to which customers.
// Money is in minor units (cents) of the policy's currency; day limits are counted in the policy's time zone.

const isoDate = z.iso.datetime({ offset: true });
const currency = z.string().regex(/^[A-Z]{3}$/);

export const GESTURES = [
  'goodwill',
  'discount',
  'freeShipping',
  'expressShipping',
  'returnExtension',
  'replacement',
  'refund',
] as const;
export const gestureSchema = z.enum(GESTURES);
export type Gesture = z.infer<typeof gestureSchema>;

/** What a gesture's size means: money (minor units), a percentage, days, or one of it (size 1). */
export const gestureUnit: Record<Gesture, 'money' | 'percent' | 'days' | 'count'> = {
  goodwill: 'money',
  refund: 'money',
  discount: 'percent',
  returnExtension: 'days',
  freeShipping: 'count',
  expressShipping: 'count',
  replacement: 'count',
};

export const ROLES = ['agent', 'store', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);

/** A cap on what was given: how many gestures, and/or their total size. */
const capSchema = z
  .object({
    count: z.number().int().nonnegative().optional(),
    total: z.number().int().nonnegative().optional(),
  })
  .refine((cap) => cap.count !== undefined || cap.total !== undefined, 'a limit needs a count or a total');

export const ruleSchema = z.object({
  id: z.string().min(1).max(80),
  /** Who it applies to: anyone with one of these roles, or one of these people (feed user ids). */
  who: z
    .object({ roles: z.array(roleSchema).optional(), people: z.array(z.string().min(1)).optional() })
    .refine((who) => !!who.roles?.length || !!who.people?.length, 'a rule names roles or people'),
  gesture: gestureSchema,
  /** The largest single gesture granted at once; above it, approval up to `approvalUpTo`. */
  maxPerGesture: z.number().int().positive(),
  /** Above any limit, a supervisor may approve up to this size; beyond, or when absent, it is refused. */
  approvalUpTo: z.number().int().positive().optional(),
  /** Given to the same customer, by anyone on any channel, over the last `days` calendar days (today included). */
  perCustomer: capSchema.and(z.object({ days: z.number().int().min(1).max(3660) })).optional(),
  /** Given by this agent today (policy time zone), to anyone. */
  perAgentPerDay: capSchema.optional(),
  /** The customer must meet all of these. */
  when: z
    .object({
      tiers: z.array(z.string().min(1)).optional(),
      segments: z.array(z.enum(['connector', 'maven'])).optional(),
      /** Lifetime value (sum of order totals), minor units of the policy's currency. */
      minLifetimeValue: z.number().int().nonnegative().optional(),
      /** The customer gave personalization consent. */
      consent: z.literal(true).optional(),
    })
    .optional(),
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
});

export const personSchema = z.object({ id: z.string().min(1), name: z.string().min(1), role: roleSchema });

export const policySchema = z.object({
  version: z.literal(1),
  id: z.string().min(1).max(80),
  /** IANA time zone of the company's days ("Europe/Paris"). */
  timeZone: z.string().refine(isTimeZone, 'unknown time zone'),
  currency,
  /** What one unit of another currency is worth in the policy's currency, to count gestures given in it. */
  rates: z.record(currency, z.number().positive()).optional(),
  validFrom: isoDate,
  validUntil: isoDate,
  people: z.array(personSchema).max(10_000),
  rules: z.array(ruleSchema).max(1000),
});

export type Policy = z.infer<typeof policySchema>;
export type PolicyRule = z.infer<typeof ruleSchema>;
export type PolicyPerson = z.infer<typeof personSchema>;

/** A gesture as stored by the feed (all channels): granted, waiting for approval, approved or rejected. */
export const gestureRecordSchema = z.object({
  id: z.string().min(1).max(200),
  customerId: z.string().min(1).max(200),
  agentId: z.string().min(1).max(200),
  agentName: z.string().max(200).optional(),
  gesture: gestureSchema,
  size: z.number().int().positive(),
  currency: currency.optional(),
  reason: z.string().max(500),
  channel: z.enum(['phone', 'chat', 'email', 'store', 'web']).default('phone'),
  status: z.enum(['granted', 'pending', 'approved', 'rejected']),
  at: isoDate,
  decidedBy: z.string().max(200).optional(),
  comment: z.string().max(500).optional(),
  rule: z.string().max(500).optional(),
});
export type GestureRecord = z.infer<typeof gestureRecordSchema>;

/** What an agent asks to give: money gestures carry a currency (minor units); others a percentage, days, or 1. */
export const gestureRequestSchema = z.object({
  gesture: gestureSchema,
  size: z.number().int().positive().max(100_000_000),
  currency: currency.optional(),
});
export type GestureRequest = z.infer<typeof gestureRequestSchema>;

/** Whether a gesture counts as given (approved later or granted at once). */
export function isGiven(record: Pick<GestureRecord, 'status'>): boolean {
  return record.status === 'granted' || record.status === 'approved';
}

/** Zones already checked: building an Intl formatter costs far more than the rest of a policy's validation. */
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  // Bounded, as the zones come from policies and requests.
  if (knownZones.size < 1_000) knownZones.set(zone, valid);
  return valid;
}

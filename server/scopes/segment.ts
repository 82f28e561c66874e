// A user's segment: the customers an agent, supervisor or admin is limited to. Absent (null), they get every customer.
// Every dimension given must match: { stores: [a], countries: [FR] } is the French customers of store a.
import { z } from 'zod';

export const segmentSchema = z
  .object({
    /** Customers whose `stores` include one of these. */
    stores: z.array(z.string().trim().min(1).max(100)).min(1).max(500).optional(),
    /** Customers with an address in one of these countries (ISO 3166 alpha-2). */
    countries: z
      .array(
        z
          .string()
          .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code such as FR')
          .transform((code) => code.toUpperCase()),
      )
      .min(1)
      .max(300)
      .optional(),
  })
  .strict()
  .refine((segment) => segment.stores || segment.countries, 'a segment names stores, countries or both');

export type Segment = z.infer<typeof segmentSchema>;

/** Which customers a user receives. */
export type UserScope =
  | { kind: 'all' }
  /** Store staff: their stores' customers and those active online (HUB_STORE_ONLINE_MONTHS). */
  | { kind: 'store'; stores: string[] }
  | { kind: 'segment'; segment: Segment };

export function scopeOf(user: { role: string; stores: string[]; scope: unknown }): UserScope {
  if (user.role === 'store') return { kind: 'store', stores: user.stores };
  if (user.scope == null) return { kind: 'all' };
  const segment = segmentSchema.safeParse(user.scope);
  // A segment the hub cannot read limits the user to nothing rather than opening every customer.
  return { kind: 'segment', segment: segment.success ? segment.data : { stores: [] } };
}

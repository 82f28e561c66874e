import { z } from 'zod';

// Feed API v1 records. Only id, version and updatedAt are required on a customer;
// unknown fields are stripped (the API may grow compatibly).

const isoDate = z.iso.datetime({ offset: true });
const money = z.object({ amount: z.number().finite(), currency: z.string().length(3) });

export const orderLineSchema = z.object({
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().finite(),
  returned: z.number().int().nonnegative().optional(),
});

export const orderSchema = z.object({
  id: z.string().min(1),
  number: z.string().min(1),
  placedAt: isoDate,
  channel: z.enum(['web', 'store', 'phone', 'app']),
  status: z.string(),
  total: money,
  lines: z.array(orderLineSchema),
  /** Extension of v1 (compatible): the contact number given with the order. */
  phone: z.string().max(64).optional(),
});

const item = z.object({ sku: z.string(), title: z.string() });

export const customerSchema = z.object({
  id: z.string().min(1).max(200),
  version: z.number().int().nonnegative(),
  updatedAt: isoDate,
  name: z.object({ given: z.string(), family: z.string(), preferred: z.string().optional() }).optional(),
  emails: z.array(z.string().max(320)).optional(),
  phones: z.array(z.string().max(64)).optional(),
  language: z.string().max(35).optional(),
  loyalty: z.object({ tier: z.string(), points: z.number(), card: z.string().optional() }).optional(),
  preferences: z
    .object({
      sizes: z.record(z.string(), z.string()).optional(),
      brands: z.array(z.string()).optional(),
      categories: z.array(z.string()).optional(),
      channel: z.enum(['email', 'sms', 'phone', 'none']).optional(),
      notes: z.string().optional(),
    })
    .optional(),
  wishlist: z.array(item.extend({ addedAt: isoDate })).optional(),
  recentlyViewed: z.array(item.extend({ viewedAt: isoDate })).optional(),
  cart: z.array(item.extend({ quantity: z.number().int() })).optional(),
  orders: z.array(orderSchema).optional(),
  consent: z.object({ personalization: z.boolean() }).optional(),
  influence: z
    .object({
      segment: z.enum(['connector', 'maven']).optional(),
      followers: z.number().int().nonnegative().optional(),
      reviews: z.number().int().nonnegative().optional(),
    })
    .optional(),
  stores: z.array(z.string()).optional(),
  customerSince: isoDate.optional(),
  /** Extension of v1 (compatible): where the customer lives or ships to; the city tells namesakes apart. */
  addresses: z
    .array(
      z.object({
        label: z.string().max(100).optional(),
        line1: z.string().max(200).optional(),
        postalCode: z.string().max(20).optional(),
        city: z.string().max(100).optional(),
        country: z.string().length(2).optional(),
        phone: z.string().max(64).optional(),
      }),
    )
    .optional(),
});

export const deletionSchema = z.object({
  id: z.string().min(1).max(200),
  deleted: z.literal(true),
  deletedAt: isoDate,
});

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['agent', 'store', 'supervisor', 'admin']),
  stores: z.array(z.string()).optional(),
});

/** The page envelope is validated strictly; its changes are validated one by one (see parseChange). */
export const changesPageSchema = z.object({
  changes: z.array(z.unknown()),
  cursor: z.string().min(1),
  more: z.boolean(),
  /** Optional extension: total changes remaining when the server knows it (drives the progress bar). */
  remaining: z.number().int().nonnegative().optional(),
});

export type Customer = z.infer<typeof customerSchema>;
export type Order = z.infer<typeof orderSchema>;
export type Deletion = z.infer<typeof deletionSchema>;
export type Me = z.infer<typeof meSchema>;
export type ChangesPage = z.infer<typeof changesPageSchema>;
export type Change = Customer | Deletion;

export type ParsedChange = { ok: true; change: Change } | { ok: false; id: string | undefined; reason: string };

/** Validates one change; an invalid one comes back with a readable reason instead of throwing. */
export function parseChange(raw: unknown): ParsedChange {
  const isDeletion = typeof raw === 'object' && raw !== null && (raw as { deleted?: unknown }).deleted === true;
  const result = (isDeletion ? deletionSchema : customerSchema).safeParse(raw);
  if (result.success) return { ok: true, change: result.data };
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return { ok: false, id: typeof id === 'string' ? id : undefined, reason: describeIssues(result.error) };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'record'}: ${issue.message}`)
    .join('; ');
}

export function isDeletion(change: Change): change is Deletion {
  return 'deleted' in change && change.deleted === true;
}

export function displayName(customer: Pick<Customer, 'name' | 'id'>): string {
  if (!customer.name) return customer.id;
  return `${customer.name.given} ${customer.name.family}`.trim();
}

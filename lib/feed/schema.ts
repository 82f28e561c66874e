import { z } from 'zod';
import { HIDDEN_CHARACTERS } from '../identifiers/normalize';

// Feed API v1 records. Only id, version and updatedAt are required on a customer;
// unknown fields are stripped (the API may grow compatibly). Every string and list is bounded, amounts and
// quantities are non-negative, and identifiers hold no control or invisible characters: a record outside these
// bounds is quarantined with the reason (a 1 MB name is a broken or hostile feed, not a customer).

const isoDate = z.iso.datetime({ offset: true });
/** Names, titles, statuses, SKUs: one line of text. */
const text = (max = 300) => z.string().max(max);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);
const identifier = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), 'must not hold control or invisible characters');
const amount = z.number().finite().nonnegative().max(1e9);
const quantity = z.number().int().nonnegative().max(100_000);
const money = z.object({ amount, currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR') });

export const orderLineSchema = z.object({
  sku: text(100),
  title: text(),
  quantity,
  unitPrice: amount,
  returned: quantity.optional(),
});

export const orderSchema = z.object({
  id: text(200).min(1),
  number: identifier(64).min(1),
  placedAt: isoDate,
  channel: z.enum(['web', 'store', 'phone', 'app']),
  status: text(100),
  total: money,
  lines: list(orderLineSchema, 500),
  /** Extension of v1 (compatible): the contact number given with the order. */
  phone: z.string().max(64).optional(),
});

const item = z.object({ sku: text(100), title: text() });

export const customerSchema = z.object({
  id: identifier(200).min(1),
  version: z.number().int().nonnegative(),
  updatedAt: isoDate,
  name: z.object({ given: text(200), family: text(200), preferred: text(200).optional() }).optional(),
  emails: list(identifier(320), 20).optional(),
  // Phones may carry the invisible marks RTL interfaces add: normalization drops them (see identifiers/phone.ts).
  phones: list(z.string().max(64), 20).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/, 'must be a language tag such as fr or fr-BE')
    .max(35)
    .optional(),
  loyalty: z.object({ tier: text(100), points: quantity.max(1e9), card: identifier(64).optional() }).optional(),
  preferences: z
    .object({
      sizes: z
        .record(text(100), text(50))
        .refine((sizes) => Object.keys(sizes).length <= 50, 'at most 50 sizes')
        .optional(),
      brands: list(text(100), 100).optional(),
      categories: list(text(100), 100).optional(),
      channel: z.enum(['email', 'sms', 'phone', 'none']).optional(),
      notes: text(5_000).optional(),
    })
    .optional(),
  wishlist: list(item.extend({ addedAt: isoDate }), 500).optional(),
  recentlyViewed: list(item.extend({ viewedAt: isoDate }), 500).optional(),
  cart: list(item.extend({ quantity }), 500).optional(),
  orders: list(orderSchema, 2_000).optional(),
  consent: z.object({ personalization: z.boolean() }).optional(),
  influence: z
    .object({
      segment: z.enum(['connector', 'maven']).optional(),
      followers: z.number().int().nonnegative().optional(),
      reviews: z.number().int().nonnegative().optional(),
    })
    .optional(),
  stores: list(text(100), 100).optional(),
  customerSince: isoDate.optional(),
  /** Extension of v1 (compatible): where the customer lives or ships to; the city tells namesakes apart. */
  addresses: list(
    z.object({
      label: text(100).optional(),
      line1: text(200).optional(),
      postalCode: text(20).optional(),
      city: text(100).optional(),
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code')
        .optional(),
      phone: z.string().max(64).optional(),
    }),
    50,
  ).optional(),
});

export const deletionSchema = z.object({
  id: identifier(200).min(1),
  deleted: z.literal(true),
  deletedAt: isoDate,
});

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['agent', 'store', 'supervisor', 'admin']),
  stores: z.array(z.string()).optional(),
  /** The user's own phones: never taken for a customer's. */
  phones: z.array(z.string().max(64)).max(20).optional(),
  /** The organization's own email domains and phones (a compatible addition to v1): never a customer's. */
  organization: z
    .object({
      domains: z.array(z.string().max(253)).max(50).default([]),
      phones: z.array(z.string().max(64)).max(50).default([]),
    })
    .optional(),
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

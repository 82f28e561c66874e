import type { Customer } from '../../feed/schema';
import type { WooMeta } from './wire';

/**
 * Customer meta keys Reconnu reads (docs/connectors.md, "Connecting WooCommerce"). Free-form meta is written by
 * plugins and imports, so each value is kept only when valid: a malformed preference is dropped, never the whole
 * customer.
 */
export const META_KEYS = {
  sizes: 'reconnu_sizes', // JSON object, e.g. {"shoes":"38","tops":"M"}
  brands: 'reconnu_brands', // JSON array or comma-separated
  categories: 'reconnu_categories', // JSON array or comma-separated
  channel: 'reconnu_channel', // email | sms | phone | none
  notes: 'reconnu_notes',
  language: 'reconnu_language', // BCP 47 tag, e.g. fr or fr-BE
  consent: 'reconnu_consent', // yes | no: personalization consent
  tier: 'reconnu_loyalty_tier',
  points: 'reconnu_loyalty_points',
  card: 'reconnu_loyalty_card',
} as const;

/** Points balances kept in user meta by widely used loyalty plugins, read when `reconnu_loyalty_points` is absent. */
export const PLUGIN_POINTS_KEYS = [
  'wc_points_balance', // WooCommerce Points and Rewards
  '_ywpar_user_total_points', // YITH WooCommerce Points and Rewards
] as const;

const CHANNELS = new Set(['email', 'sms', 'phone', 'none']);
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

type Extras = Pick<Customer, 'preferences' | 'loyalty' | 'language' | 'consent'>;

export function metaExtras(meta: WooMeta[] | undefined): Extras {
  const values = new Map<string, unknown>();
  // WooCommerce lists meta in insertion order; the last value of a repeated key is the current one.
  for (const entry of Array.isArray(meta) ? meta : [])
    if (typeof entry?.key === 'string') values.set(entry.key, entry.value);
  const read = (key: string) => text(values.get(key));

  const preferences: NonNullable<Customer['preferences']> = {};
  const sizes = sizesOf(values.get(META_KEYS.sizes));
  if (sizes) preferences.sizes = sizes;
  const brands = listOf(values.get(META_KEYS.brands));
  if (brands) preferences.brands = brands;
  const categories = listOf(values.get(META_KEYS.categories));
  if (categories) preferences.categories = categories;
  const channel = read(META_KEYS.channel)?.toLowerCase();
  if (channel && CHANNELS.has(channel)) preferences.channel = channel as 'email';
  const notes = read(META_KEYS.notes);
  if (notes && notes.length <= 5_000) preferences.notes = notes;

  const extras: Extras = {};
  if (Object.keys(preferences).length > 0) extras.preferences = preferences;
  const language = read(META_KEYS.language)?.replaceAll('_', '-');
  if (language && language.length <= 35 && LANGUAGE.test(language)) extras.language = language;
  const consent = read(META_KEYS.consent)?.toLowerCase();
  if (consent === 'yes' || consent === 'no') extras.consent = { personalization: consent === 'yes' };
  const loyalty = loyaltyOf(read);
  if (loyalty) extras.loyalty = loyalty;
  return extras;
}

function loyaltyOf(read: (key: string) => string | undefined): Customer['loyalty'] {
  const tier = read(META_KEYS.tier);
  const points = [META_KEYS.points, ...PLUGIN_POINTS_KEYS].map((key) => pointsOf(read(key))).find((p) => p !== null);
  if ((tier === undefined || tier.length > 100) && points === undefined) return undefined;
  const card = read(META_KEYS.card);
  return {
    tier: tier && tier.length <= 100 ? tier : '',
    points: points ?? 0,
    ...(card && card.length <= 64 ? { card } : {}),
  };
}

function pointsOf(value: string | undefined): number | null {
  if (value === undefined || !/^\d+(?:\.\d+)?$/.test(value)) return null;
  const points = Math.floor(Number(value));
  return points <= 1e9 ? points : null;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A JSON string, or the object WordPress returns for a value stored serialized. */
function structured(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function sizesOf(value: unknown): Record<string, string> | undefined {
  const parsed = structured(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const sizes: Record<string, string> = {};
  for (const [category, size] of Object.entries(parsed).slice(0, 50)) {
    const shown = text(size);
    if (category.length <= 100 && shown && shown.length <= 50) sizes[category] = shown;
  }
  return Object.keys(sizes).length > 0 ? sizes : undefined;
}

function listOf(value: unknown): string[] | undefined {
  const parsed = structured(value);
  const raw = Array.isArray(parsed) ? parsed : typeof parsed === 'string' ? parsed.split(',') : [];
  const items = raw.map(text).filter((item): item is string => item !== undefined && item.length <= 100);
  return items.length > 0 ? [...new Set(items)].slice(0, 100) : undefined;
}

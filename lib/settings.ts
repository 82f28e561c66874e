import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { sourceSchema } from './connectors/settings';
import { type Managed, readManaged } from './managed';

export const settingsSchema = z.object({
  feedUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  token: z.string().max(4096),
  /** 'auto' follows the browser language. */
  locale: z.enum(['auto', 'en', 'fr']),
  /** Region of phone numbers written without a country code (ISO 3166 alpha-2). */
  region: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('FR'),
  /** Customers the feed has not sent again for this many days are purged locally; 0 keeps them. */
  retentionDays: z.number().int().min(0).max(3650).default(0),
  /** The feed's ES256 public key (JWK or SPKI PEM) that signed empowerment policies must verify against. */
  policyPublicKey: z.string().max(4096).default(''),
  /** Where customer data comes from: the feed above, or a platform read directly (connectors/). */
  source: sourceSchema.default({ kind: 'feed' }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  feedUrl: '',
  token: '',
  locale: 'auto',
  region: 'FR',
  retentionDays: 0,
  policyPublicKey: '',
  source: { kind: 'feed' },
};

/** Local settings; written only by extension pages (options), read by the background. */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: defaultSettings });

/** The settings in force: the user's, overridden by whatever the administrator set (see managed.ts). */
export async function readSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await settingsItem.getValue());
  return withManaged(parsed.success ? parsed.data : defaultSettings, await readManaged());
}

export function withManaged(settings: Settings, managed: Managed): Settings {
  return {
    ...settings,
    ...(managed.feedUrl !== undefined && { feedUrl: managed.feedUrl }),
    ...(managed.defaultRegion !== undefined && { region: managed.defaultRegion }),
    ...(managed.retentionDays !== undefined && { retentionDays: managed.retentionDays }),
    ...(managed.policyPublicKey !== undefined && { policyPublicKey: managed.policyPublicKey }),
  };
}

import { z } from 'zod';
import { sourceSchema } from './connectors/registry';
import { createSettingsStore } from './credentials';
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
  /** The company's own email domains and phones: never looked up as a customer's (on top of the feed's). */
  organizationDomains: z.array(z.string().max(253)).max(50).default([]),
  organizationPhones: z.array(z.string().max(64)).max(50).default([]),
  /** Product adapters off: only generic detection and site rules read pages (a product changed its markup). */
  adaptersOff: z.boolean().default(false),
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
  organizationDomains: [],
  organizationPhones: [],
  adaptersOff: false,
};

/** Local settings; written only by extension pages (options), read by the background. */
export const settingsItem = createSettingsStore({
  credentialsApart: import.meta.env?.FIREFOX === true,
  fallback: defaultSettings,
});

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
    ...(managed.organizationDomains !== undefined && { organizationDomains: managed.organizationDomains }),
    ...(managed.organizationPhones !== undefined && { organizationPhones: managed.organizationPhones }),
  };
}

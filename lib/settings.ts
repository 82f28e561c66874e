import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

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
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { feedUrl: '', token: '', locale: 'auto', region: 'FR' };

/** Local settings; written only by extension pages (options), read by the background. */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: defaultSettings });

export async function readSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : defaultSettings;
}

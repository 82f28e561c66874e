import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

export const settingsSchema = z.object({
  feedUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  token: z.string().max(4096),
  /** 'auto' follows the browser language. */
  locale: z.enum(['auto', 'en', 'fr']),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { feedUrl: '', token: '', locale: 'auto' };

/** Local settings; written only by extension pages (options), read by the background. */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: defaultSettings });

export async function readSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : defaultSettings;
}

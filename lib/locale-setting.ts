import { storage } from 'wxt/utils/storage';

type LocaleChoice = 'auto' | 'en' | 'fr';

/**
 * The language picked in the options page, read on its own. Every extension page needs it, and reading it through
 * settings.ts would load the settings' schema, and with it every connector, into the panel and the popup. It is no
 * secret, so it is in `storage.local` on every browser (credentials.ts moves only the token and the credentials).
 */
const settingsLocale = storage.defineItem<{ locale?: LocaleChoice } | null>('local:settings', { fallback: null });

export async function readLocaleChoice(): Promise<LocaleChoice> {
  return (await settingsLocale.getValue())?.locale ?? 'auto';
}

/** Calls `listener` whenever the settings are saved; returns the function that stops watching. */
export function watchLocaleChoice(listener: (choice: LocaleChoice) => void): () => void {
  return settingsLocale.watch((value) => listener(value?.locale ?? 'auto'));
}

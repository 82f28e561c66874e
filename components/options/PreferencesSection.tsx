import { useEffect, useState } from 'react';
import { optionsStrings } from '@/lib/i18n/options';
import { defaultSettings, type Settings, settingsItem } from '@/lib/settings';
import { useLocale } from '../AppShell';
import { CallNotifications } from '../CallNotifications';

/** The user's own choices: the language (applied at once, on every page) and the incoming-call notification. */
export function PreferencesSection() {
  const o = optionsStrings(useLocale());
  const [choice, setChoice] = useState<Settings['locale']>('auto');
  useEffect(() => {
    settingsItem.getValue().then((settings) => setChoice(settings.locale ?? 'auto'));
  }, []);
  const choose = async (locale: Settings['locale']) => {
    setChoice(locale);
    const current = { ...defaultSettings, ...(await settingsItem.getValue()) };
    await settingsItem.setValue({ ...current, locale });
  };
  return (
    <section aria-labelledby="preferences-title">
      <h2 id="preferences-title">{o.preferences}</h2>
      {/* In both languages: whoever cannot read the current one must still find it. */}
      <label htmlFor="locale">Language / Langue</label>
      <select id="locale" value={choice} onChange={(event) => void choose(event.target.value as Settings['locale'])}>
        <option value="auto">Browser / Navigateur</option>
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
      <CallNotifications />
    </section>
  );
}

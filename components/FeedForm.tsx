import { type FormEvent, useEffect, useState } from 'react';
import { definitionOf, originsOf } from '@/lib/connectors/registry';
import { requestOrigins } from '@/lib/feed/permission';
import { checkTransport } from '@/lib/feed/transport';
import { privacyStrings } from '@/lib/i18n/privacy';
import { sourceStrings } from '@/lib/i18n/sources';
import { type Managed, readManaged } from '@/lib/managed';
import { ask } from '@/lib/protocol/client';
import { defaultSettings, type Settings, settingsItem, settingsSchema, withManaged } from '@/lib/settings';
import { useLocale, useStrings } from './AppShell';
import { SourceFields } from './SourceFields';

/** Regions offered for numbers written without a country code; France first. */
const REGIONS = ['FR', 'BE', 'CH', 'LU', 'MC', 'GB', 'IE', 'DE', 'AT', 'NL', 'ES', 'PT', 'IT', 'US', 'CA'];
const regionName = (region: string, locale: string) =>
  `${new Intl.DisplayNames([locale], { type: 'region' }).of(region) ?? region} (${region})`;

/** The feed, token, customer data source, language, phone region and retention; what the administrator set is shown read-only. */
export function FeedForm() {
  const t = useStrings();
  const s = privacyStrings(useLocale());
  const locale = useLocale();
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [managed, setManaged] = useState<Managed>({});
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    settingsItem.getValue().then((local) => setSettings({ ...defaultSettings, ...local }));
    readManaged().then(setManaged);
  }, []);
  const shown = withManaged(settings, managed);
  const sources = sourceStrings(locale);
  /** Names the field a refused setting came from, in the user's words. */
  const invalidField = (path: PropertyKey[]) => {
    if (path[0] !== 'source') return t.invalidFeedUrl;
    const field = definitionOf(settings.source.kind).fields.find((candidate) => candidate.name === path[1]);
    return field ? sources.invalid(field.label[locale]) : t.invalidFeedUrl;
  };
  const adminNote = (locked: unknown) => locked !== undefined && <span className="muted"> ({t.setByAdmin})</span>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(settings);
    if (!parsed.success) return setMessage(invalidField(parsed.error.issues[0]?.path ?? []));
    const { feedUrl, token, source } = withManaged(parsed.data, managed);
    const feed = feedUrl ? { feedUrl, token } : null;
    const origins = [...new Set([...(feedUrl ? [`${new URL(feedUrl).origin}/*`] : []), ...originsOf(source, feed)])];
    // Refused before anything is saved or asked for: the token must never travel in clear.
    for (const origin of origins) {
      const problem = await checkTransport(origin.replace(/\/\*$/, '/'));
      if (problem) return setMessage(problem);
    }
    if (origins.length > 0 && !(await requestOrigins(origins))) {
      return setMessage(t.feedPermissionRefused(origins.map((origin) => origin.replace(/\/\*$/, '')).join(', ')));
    }
    // Only this form's fields: the recognition section below saves its own, perhaps since this form loaded.
    const { organizationDomains, organizationPhones, adaptersOff, ...mine } = parsed.data;
    await settingsItem.setValue({ ...defaultSettings, ...(await settingsItem.getValue()), ...mine });
    setMessage(t.settingsSaved);
    // The sync's outcome is announced by the status line below, in the user's language.
    await ask({ type: 'syncNow' });
  };

  return (
    <form onSubmit={submit}>
      <label htmlFor="feed-url">
        {t.feedUrl}
        {adminNote(managed.feedUrl)}
      </label>
      <input
        id="feed-url"
        type="url"
        value={shown.feedUrl}
        readOnly={managed.feedUrl !== undefined}
        onChange={(event) => setSettings({ ...settings, feedUrl: event.target.value.trim() })}
      />
      <label htmlFor="token">{t.accessToken}</label>
      <input
        id="token"
        type="password"
        autoComplete="off"
        value={settings.token}
        onChange={(event) => setSettings({ ...settings, token: event.target.value.trim() })}
      />
      <SourceFields source={settings.source} onChange={(source) => setSettings({ ...settings, source })} />
      <label htmlFor="locale">Language / Langue</label>
      <select
        id="locale"
        value={settings.locale}
        onChange={(event) => setSettings({ ...settings, locale: event.target.value as Settings['locale'] })}
      >
        <option value="auto">Browser / Navigateur</option>
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
      <label htmlFor="region">
        {t.phoneRegion}
        {adminNote(managed.defaultRegion)}
      </label>
      <select
        id="region"
        value={shown.region}
        disabled={managed.defaultRegion !== undefined}
        onChange={(event) => setSettings({ ...settings, region: event.target.value })}
      >
        {REGIONS.map((region) => (
          <option key={region} value={region}>
            {regionName(region, locale)}
          </option>
        ))}
      </select>
      <label htmlFor="retention">
        {s.retention}
        {adminNote(managed.retentionDays)}
      </label>
      <input
        id="retention"
        type="number"
        min={0}
        max={3650}
        value={shown.retentionDays}
        readOnly={managed.retentionDays !== undefined}
        onChange={(event) => setSettings({ ...settings, retentionDays: Number(event.target.value) || 0 })}
      />
      <label htmlFor="policy-key">
        {t.policyPublicKey}
        {adminNote(managed.policyPublicKey)}
      </label>
      <textarea
        id="policy-key"
        rows={3}
        spellCheck={false}
        value={shown.policyPublicKey}
        readOnly={managed.policyPublicKey !== undefined}
        onChange={(event) => setSettings({ ...settings, policyPublicKey: event.target.value.trim() })}
      />
      <p>
        <button type="submit">{t.syncNow}</button>
      </p>
      {message && <p className="muted">{message}</p>}
    </form>
  );
}

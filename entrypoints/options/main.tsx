import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { AccountSection } from '@/components/AccountSection';
import { AdapterHealthView } from '@/components/AdapterHealthView';
import { mountPage, useLocale, useStrings } from '@/components/AppShell';
import { CallNotifications } from '@/components/CallNotifications';
import { SiteRulesEditor } from '@/components/SiteRulesEditor';
import { SyncStatusView, useSyncStatus } from '@/components/SyncStatusView';
import { requestFeedPermission } from '@/lib/feed/permission';
import { ask } from '@/lib/protocol/client';
import { defaultSettings, type Settings, settingsItem, settingsSchema } from '@/lib/settings';

/** Regions offered for numbers written without a country code; France first. */
const REGIONS = ['FR', 'BE', 'CH', 'LU', 'MC', 'GB', 'IE', 'DE', 'AT', 'NL', 'ES', 'PT', 'IT', 'US', 'CA'];
const regionName = (region: string, locale: string) =>
  `${new Intl.DisplayNames([locale], { type: 'region' }).of(region) ?? region} (${region})`;

function FeedForm() {
  const t = useStrings();
  const locale = useLocale();
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    settingsItem.getValue().then(setSettings);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(settings);
    if (!parsed.success) return setMessage(t.invalidFeedUrl);
    if (parsed.data.feedUrl && !(await requestFeedPermission(parsed.data.feedUrl))) {
      return setMessage(t.feedPermissionRefused(new URL(parsed.data.feedUrl).origin));
    }
    await settingsItem.setValue(parsed.data);
    setMessage(t.settingsSaved);
    // The sync's outcome is announced by the status line below, in the user's language.
    await ask({ type: 'syncNow' });
  };

  return (
    <form onSubmit={submit}>
      <label htmlFor="feed-url">{t.feedUrl}</label>
      <input
        id="feed-url"
        type="url"
        value={settings.feedUrl}
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
      <label htmlFor="region">{t.phoneRegion}</label>
      <select
        id="region"
        value={settings.region}
        onChange={(event) => setSettings({ ...settings, region: event.target.value })}
      >
        {REGIONS.map((region) => (
          <option key={region} value={region}>
            {regionName(region, locale)}
          </option>
        ))}
      </select>
      <p>
        <button type="submit">{t.syncNow}</button>
      </p>
      {message && <p className="muted">{message}</p>}
    </form>
  );
}

function SyncIssues() {
  const t = useStrings();
  const { quarantined, customers } = useSyncStatus();
  const issues = useQuery({
    queryKey: ['quarantine', quarantined, customers],
    queryFn: () => ask({ type: 'listQuarantine' }),
  });
  return (
    <section aria-labelledby="sync-issues">
      <h2 id="sync-issues">{t.syncIssues}</h2>
      {issues.isError && <p role="alert">{issues.error.message}</p>}
      {issues.data?.length === 0 && <p className="muted">{t.noSyncIssues}</p>}
      {!!issues.data?.length && (
        <table>
          <tbody>
            {issues.data.map((issue) => (
              <tr key={issue.id}>
                <td>{issue.id}</td>
                <td>{issue.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

mountPage(
  <main>
    <h1>Reconnu</h1>
    <FeedForm />
    <CallNotifications />
    <SyncStatusView />
    <SyncIssues />
    <AccountSection />
    <SiteRulesEditor />
    <AdapterHealthView />
  </main>,
);

import { type FormEvent, useEffect, useState } from 'react';
import { definitionOf, originsOf } from '@/lib/connectors/registry';
import { requestOrigins } from '@/lib/feed/permission';
import { LOOPBACK_BUILD, transportProblem } from '@/lib/feed/transport';
import { optionsStrings } from '@/lib/i18n/options';
import { sourceStrings } from '@/lib/i18n/sources';
import type { Managed } from '@/lib/managed';
import { ask } from '@/lib/protocol/client';
import { defaultSettings, type Settings, settingsItem, settingsSchema, withManaged } from '@/lib/settings';
import { useLocale, useStrings } from '../AppShell';
import { SourceFields } from '../SourceFields';

/**
 * The feed or hub URL, the access token and the customer data source. Whatever the administrator set is shown
 * read-only. Before the first connection the button reads "Connect"; after, "Sync now".
 */
export function ConnectionForm(props: { managed: Managed; connected: boolean }) {
  const { managed, connected } = props;
  const t = useStrings();
  const locale = useLocale();
  const o = optionsStrings(locale);
  const sources = sourceStrings(locale);
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    settingsItem.getValue().then((local) => setSettings({ ...defaultSettings, ...local }));
  }, []);
  const shown = withManaged(settings, managed);
  /** Names the field a refused setting came from, in the user's words. */
  const invalidField = (path: PropertyKey[]) => {
    if (path[0] !== 'source') return t.invalidFeedUrl;
    const field = definitionOf(settings.source.kind).fields.find((candidate) => candidate.name === path[1]);
    return field ? sources.invalid(field.label[locale]) : t.invalidFeedUrl;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(settings);
    if (!parsed.success) return setMessage(invalidField(parsed.error.issues[0]?.path ?? []));
    const { feedUrl, token, source } = withManaged(parsed.data, managed);
    const feed = feedUrl ? { feedUrl, token } : null;
    const origins = [...new Set([...(feedUrl ? [`${new URL(feedUrl).origin}/*`] : []), ...originsOf(source, feed)])];
    // Refused before anything is saved or asked for: the token must never travel in clear. Checked without an
    // `await`, so that the permission is asked for while the click is still being handled (Firefox requires it).
    const loopbackAllowed = LOOPBACK_BUILD || managed.allowLoopback === true;
    for (const origin of origins) {
      const problem = transportProblem(origin.replace(/\/\*$/, '/'), { loopbackAllowed });
      if (problem) return setMessage(problem);
    }
    if (origins.length > 0 && !(await requestOrigins(origins))) {
      return setMessage(t.feedPermissionRefused(origins.map((origin) => origin.replace(/\/\*$/, '')).join(', ')));
    }
    // Only this form's fields: the other sections save their own, perhaps since this form loaded.
    const current = { ...defaultSettings, ...(await settingsItem.getValue()) };
    await settingsItem.setValue({ ...current, feedUrl: parsed.data.feedUrl, token, source: parsed.data.source });
    setMessage(t.settingsSaved);
    // The sync's outcome is announced by the status line, in the user's language.
    await ask({ type: 'syncNow' });
  };

  return (
    <form onSubmit={submit}>
      <label htmlFor="feed-url">
        {t.feedUrl}
        {managed.feedUrl !== undefined && <span className="muted"> ({t.setByAdmin})</span>}
      </label>
      <input
        id="feed-url"
        type="url"
        placeholder="https://reconnu.example.com"
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
      <p>
        <button type="submit">{connected ? t.syncNow : o.connect}</button>
      </p>
      {message && <p className="muted">{message}</p>}
    </form>
  );
}

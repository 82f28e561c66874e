import { type FormEvent, useEffect, useState } from 'react';
import { optionsStrings } from '@/lib/i18n/options';
import { privacyStrings } from '@/lib/i18n/privacy';
import type { Managed } from '@/lib/managed';
import { defaultSettings, type Settings, settingsItem, settingsSchema, withManaged } from '@/lib/settings';
import { useLocale, useStrings } from '../AppShell';

/** Regions offered for numbers written without a country code; France first. */
const REGIONS = ['FR', 'BE', 'CH', 'LU', 'MC', 'GB', 'IE', 'DE', 'AT', 'NL', 'ES', 'PT', 'IT', 'US', 'CA'];
const regionName = (region: string, locale: string) =>
  `${new Intl.DisplayNames([locale], { type: 'region' }).of(region) ?? region} (${region})`;

type AdminFields = Pick<Settings, 'region' | 'retentionDays' | 'policyPublicKey'>;
const adminFieldsSchema = settingsSchema.pick({ region: true, retentionDays: true, policyPublicKey: true });

/** Phone region, retention and the policy key: saved on their own, which starts a sync (the background watches). */
export function AdminSettingsForm(props: { managed: Managed }) {
  const { managed } = props;
  const t = useStrings();
  const locale = useLocale();
  const s = privacyStrings(locale);
  const o = optionsStrings(locale);
  const [fields, setFields] = useState<AdminFields>(defaultSettings);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    settingsItem
      .getValue()
      .then(({ region, retentionDays, policyPublicKey }) => setFields({ region, retentionDays, policyPublicKey }));
  }, []);
  const shown = withManaged({ ...defaultSettings, ...fields }, managed);
  const adminNote = (locked: unknown) => locked !== undefined && <span className="muted"> ({t.setByAdmin})</span>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // A value the schema refuses would make the background fall back to no settings at all: refused here.
    const parsed = adminFieldsSchema.safeParse({ ...fields, policyPublicKey: fields.policyPublicKey.trim() });
    if (!parsed.success) return setMessage(o.invalidAdmin);
    const current = { ...defaultSettings, ...(await settingsItem.getValue()) };
    await settingsItem.setValue({ ...current, ...parsed.data });
    setMessage(t.settingsSaved);
  };

  return (
    <form onSubmit={save}>
      <label htmlFor="region">
        {t.phoneRegion}
        {adminNote(managed.defaultRegion)}
      </label>
      <select
        id="region"
        value={shown.region}
        disabled={managed.defaultRegion !== undefined}
        onChange={(event) => setFields({ ...fields, region: event.target.value })}
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
        onChange={(event) => setFields({ ...fields, retentionDays: Number(event.target.value) || 0 })}
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
        onChange={(event) => setFields({ ...fields, policyPublicKey: event.target.value })}
      />
      <p>
        <button type="submit">{o.saveSettings}</button>
      </p>
      {message && <p className="muted">{message}</p>}
    </form>
  );
}

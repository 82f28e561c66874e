import { type FormEvent, useEffect, useState } from 'react';
import { recognitionStrings } from '@/lib/i18n/recognition';
import { forgetSites } from '@/lib/lookup/site-memory';
import { type Managed, readManaged } from '@/lib/managed';
import { defaultSettings, type Settings, settingsItem } from '@/lib/settings';
import { lookupKey } from '@/lib/store';
import { useLocale, useStrings } from './AppShell';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const lines = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The company's own domains and phones (never a customer), generic detection only, and forgetting what sites taught. */
export function RecognitionSettings() {
  const t = useStrings();
  const r = recognitionStrings(useLocale());
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [managed, setManaged] = useState<Managed>({});
  const [domains, setDomains] = useState('');
  const [phones, setPhones] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // Read-only until the saved values are in: what is typed before would be overwritten by them.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    Promise.all([settingsItem.getValue(), readManaged()]).then(([local, policy]) => {
      const saved = { ...defaultSettings, ...local };
      setSettings(saved);
      setManaged(policy);
      setDomains((policy.organizationDomains ?? saved.organizationDomains).join('\n'));
      setPhones((policy.organizationPhones ?? saved.organizationPhones).join('\n'));
      setLoaded(true);
    });
  }, []);
  const domainsLocked = managed.organizationDomains !== undefined;
  const phonesLocked = managed.organizationPhones !== undefined;
  const adminNote = (locked: boolean) => locked && <span className="muted"> ({t.setByAdmin})</span>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const domainList = lines(domains).map((domain) => domain.toLowerCase().replace(/^@/, ''));
    const badDomain = domainList.find((domain) => !DOMAIN.test(domain));
    if (badDomain) return setMessage(r.badDomain(badDomain));
    const phoneList = lines(phones);
    const badPhone = phoneList.find((phone) => lookupKey('phone', phone) === null);
    if (badPhone) return setMessage(r.badPhone(badPhone));
    // Read again: the connection form above may have saved since this section loaded.
    const current = { ...defaultSettings, ...(await settingsItem.getValue()) };
    const next: Settings = {
      ...current,
      adaptersOff: settings.adaptersOff,
      ...(!domainsLocked && { organizationDomains: [...new Set(domainList)].slice(0, 50) }),
      ...(!phonesLocked && { organizationPhones: [...new Set(phoneList)].slice(0, 50) }),
    };
    await settingsItem.setValue(next);
    setMessage(r.saved);
  };

  const forget = async () => {
    await forgetSites();
    setMessage(r.forgotten);
  };

  return (
    <section aria-labelledby="recognition-title">
      <h3 id="recognition-title">{r.heading}</h3>
      <form onSubmit={save}>
        <p className="muted">{r.intro}</p>
        <label htmlFor="organization-domains">
          {r.domains}
          {adminNote(domainsLocked)}
        </label>
        <textarea
          id="organization-domains"
          rows={3}
          spellCheck={false}
          value={domains}
          readOnly={domainsLocked || !loaded}
          onChange={(event) => setDomains(event.target.value)}
        />
        <label htmlFor="organization-phones">
          {r.phones}
          {adminNote(phonesLocked)}
        </label>
        <textarea
          id="organization-phones"
          rows={3}
          spellCheck={false}
          value={phones}
          readOnly={phonesLocked || !loaded}
          onChange={(event) => setPhones(event.target.value)}
        />
        <p>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.adaptersOff}
              onChange={(event) => setSettings({ ...settings, adaptersOff: event.target.checked })}
            />
            <span>{r.adaptersOff}</span>
          </label>
        </p>
        <p>
          <button type="submit">{r.save}</button>
        </p>
      </form>
      <p className="muted">{r.forgetHelp}</p>
      <p>
        <button type="button" onClick={() => void forget()}>
          {r.forget}
        </button>
      </p>
      {message && (
        <p className="muted" aria-live="polite">
          {message}
        </p>
      )}
    </section>
  );
}

import { connectorDefinitions } from '@/lib/connectors/registry';
import type { SourceSettings } from '@/lib/connectors/settings';
import type { SourceKind } from '@/lib/connectors/types';
import { sourceStrings } from '@/lib/i18n/sources';
import { useLocale } from './AppShell';

type Label = keyof ReturnType<typeof sourceStrings>['fields'];
interface Field {
  name: string;
  label: Label;
  type: 'url' | 'password' | 'text';
}

/** What each platform asks for; the names are those of connectors/settings.ts. */
export const SOURCE_FIELDS: { [K in SourceKind]: Field[] } = {
  feed: [],
  vendure: [
    { name: 'url', label: 'vendureUrl', type: 'url' },
    { name: 'token', label: 'vendureToken', type: 'password' },
    { name: 'channelToken', label: 'channelToken', type: 'text' },
  ],
  shopify: [
    { name: 'url', label: 'shopifyUrl', type: 'url' },
    { name: 'token', label: 'shopifyToken', type: 'password' },
    { name: 'apiVersion', label: 'apiVersion', type: 'text' },
  ],
  woocommerce: [
    { name: 'url', label: 'wooUrl', type: 'url' },
    { name: 'key', label: 'wooKey', type: 'password' },
    { name: 'secret', label: 'wooSecret', type: 'password' },
  ],
};

const EMPTY: { [K in SourceKind]: SourceSettings } = {
  feed: { kind: 'feed' },
  vendure: { kind: 'vendure', url: '', token: '', channelToken: '' },
  shopify: { kind: 'shopify', url: '', token: '', apiVersion: '2025-10' },
  woocommerce: { kind: 'woocommerce', url: '', key: '', secret: '' },
};

/** The source picker: a platform's URL and credentials, kept in extension storage only (the background reads them). */
export function SourceFields(props: { source: SourceSettings; onChange: (source: SourceSettings) => void }) {
  const s = sourceStrings(useLocale());
  const { source, onChange } = props;
  const values = source as unknown as Record<string, string>;
  return (
    <fieldset>
      <legend>{s.legend}</legend>
      <label htmlFor="source-kind">{s.kind}</label>
      <select
        id="source-kind"
        value={source.kind}
        onChange={(event) => onChange(EMPTY[event.target.value as SourceKind])}
      >
        {connectorDefinitions().map((definition) => (
          <option key={definition.kind} value={definition.kind}>
            {definition.kind === 'feed' ? s.feedOption : definition.label}
          </option>
        ))}
      </select>
      {source.kind !== 'feed' && <p className="muted">{s.feedOptional}</p>}
      {SOURCE_FIELDS[source.kind].map((field) => (
        <div key={field.name}>
          <label htmlFor={`source-${field.name}`}>{s.fields[field.label]}</label>
          <input
            id={`source-${field.name}`}
            type={field.type}
            autoComplete="off"
            spellCheck={false}
            value={values[field.name] ?? ''}
            onChange={(event) => onChange({ ...source, [field.name]: event.target.value.trim() } as SourceSettings)}
          />
        </div>
      ))}
    </fieldset>
  );
}

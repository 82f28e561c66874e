import { connectorDefinitions, definitionOf, type SourceKind, type SourceSettings } from '@/lib/connectors/registry';
import { blankSettings } from '@/lib/connectors/settings';
import { sourceStrings } from '@/lib/i18n/sources';
import { useLocale } from './AppShell';

/**
 * The source picker: a platform's URL and credentials, kept in extension storage only (the background reads them).
 * The kinds, their fields and labels all come from the connectors' definitions (lib/connectors/registry.ts).
 */
export function SourceFields(props: { source: SourceSettings; onChange: (source: SourceSettings) => void }) {
  const locale = useLocale();
  const s = sourceStrings(locale);
  const { source, onChange } = props;
  const definition = definitionOf(source.kind);
  const values = source as Record<string, unknown>;
  return (
    <fieldset>
      <legend>{s.legend}</legend>
      <label htmlFor="source-kind">{s.kind}</label>
      <select
        id="source-kind"
        value={source.kind}
        onChange={(event) => onChange(blankSettings(event.target.value as SourceKind))}
      >
        {connectorDefinitions().map((candidate) => (
          <option key={candidate.kind} value={candidate.kind}>
            {candidate.label[locale]}
          </option>
        ))}
      </select>
      {definition.platform && <p className="muted">{s.feedOptional}</p>}
      {definition.fields.map((field) => (
        <div key={field.name}>
          <label htmlFor={`source-${field.name}`}>{field.label[locale]}</label>
          <input
            id={`source-${field.name}`}
            type={field.secret ? 'password' : field.input}
            autoComplete="off"
            spellCheck={false}
            placeholder={field.placeholder}
            value={String(values[field.name] ?? '')}
            onChange={(event) => onChange({ ...source, [field.name]: event.target.value.trim() } as SourceSettings)}
          />
        </div>
      ))}
    </fieldset>
  );
}

import { optionsStrings } from '@/lib/i18n/options';
import type { Managed } from '@/lib/managed';
import { AdapterHealthView } from '../AdapterHealthView';
import { useLocale } from '../AppShell';
import { RecognitionSettings } from '../RecognitionSettings';
import { SiteRulesEditor } from '../SiteRulesEditor';
import { AdminSettingsForm } from './AdminSettingsForm';
import { SyncIssues } from './SyncIssues';

/** What an administrator sets up once, folded away so that the people using Reconnu see their own settings first. */
export function AdministrationSection(props: { managed: Managed }) {
  const o = optionsStrings(useLocale());
  return (
    <details className="administration">
      <summary>
        <h2>{o.administration}</h2>
        <span className="muted">{o.administrationHint}</span>
      </summary>
      <AdminSettingsForm managed={props.managed} />
      <RecognitionSettings />
      <SiteRulesEditor />
      <AdapterHealthView />
      <SyncIssues />
    </details>
  );
}

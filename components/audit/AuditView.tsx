import { useQuery } from '@tanstack/react-query';
import { privacyStrings } from '@/lib/i18n/privacy';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { LocalAudit } from './LocalAudit';
import { TeamAudit } from './TeamAudit';
import '../console.css';

/** The supervisor's view of who saw whom: the team's audit from the feed, and this browser's own chain. */
export function AuditView() {
  const s = privacyStrings(useLocale());
  // The team, for the person picker and names: the signed policy's roster.
  const info = useQuery({ queryKey: ['policy-info'], queryFn: () => ask({ type: 'policyInfo' }) });
  const policy = info.data?.stored?.policy;
  const roster = new Map(policy?.people.map((person) => [person.id, person.name]));
  return (
    <>
      <h1>{s.audit}</h1>
      <p className="muted">{s.auditIntro}</p>
      {!info.isPending && <TeamAudit policy={policy} />}
      <LocalAudit personName={(id) => roster.get(id) ?? id} />
    </>
  );
}

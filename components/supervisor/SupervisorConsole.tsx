import { useQuery } from '@tanstack/react-query';
import { empowermentStrings } from '@/lib/i18n/empowerment';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { Approvals } from './Approvals';
import { Checker } from './Checker';
import { GestureHistory } from './GestureHistory';
import { SharedRegions } from './SharedRegions';
import { TeamPermissions } from './TeamPermissions';

/** The supervisor's empowerment console: the team's permissions, the checker, approvals, and the history. */
export function SupervisorConsole() {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const e = empowermentStrings(locale);
  const info = useQuery({ queryKey: ['policy-info'], queryFn: () => ask({ type: 'policyInfo' }) });
  const policy = info.data?.stored?.policy;
  return (
    <>
      <h1>{s.title}</h1>
      {info.isError && <p role="alert">{info.error.message}</p>}
      {info.data && !policy && <p className="notice">{e.noPolicy}</p>}
      {policy && <TeamPermissions policy={policy} />}
      {policy && <Checker policy={policy} />}
      <Approvals />
      <GestureHistory timeZone={policy?.timeZone ?? 'UTC'} />
      <SharedRegions />
    </>
  );
}

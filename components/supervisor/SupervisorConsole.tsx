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
import '../console.css';

/**
 * The supervisor's empowerment console, across the screen's width: what waits for a decision and the checker side by
 * side, then the history, the team's permissions and the shared page regions.
 */
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
      <div className="columns">
        <Approvals policy={policy} />
        {policy && <Checker policy={policy} />}
      </div>
      {policy && <GestureHistory policy={policy} />}
      {policy && <TeamPermissions policy={policy} />}
      <SharedRegions />
    </>
  );
}

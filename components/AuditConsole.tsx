import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEntry } from '@/lib/audit/chain';
import { auditCsv } from '@/lib/audit/csv';
import { downloadText } from '@/lib/csv';
import { privacyStrings } from '@/lib/i18n/privacy';
import { ask } from '@/lib/protocol/client';
import { useLocale } from './AppShell';
import { TableHead } from './TableHead';

function download(entries: AuditEntry[]): void {
  downloadText('reconnu-audit.csv', auditCsv(entries));
}

function AuditTable({ entries, label }: { entries: AuditEntry[]; label: string }) {
  const s = privacyStrings(useLocale());
  const locale = useLocale();
  if (entries.length === 0) return <p className="muted">{s.noEntries}</p>;
  return (
    <table aria-label={label}>
      <TableHead columns={s.columns} />
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.device}:${entry.seq}`}>
            <td>{new Date(entry.at).toLocaleString(locale)}</td>
            <td>{entry.user}</td>
            <td>{s.actions[entry.action] ?? entry.action}</td>
            <td>{entry.customerId}</td>
            <td>{entry.adapter ? `${entry.where} (${entry.adapter})` : entry.where}</td>
            <td>{entry.foundBy}</td>
            <td>{entry.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The supervisor's view of who saw whom: the team's audit from the feed, and this browser's own chain. */
export function AuditConsole() {
  const s = privacyStrings(useLocale());
  const [user, setUser] = useState('');
  const [customer, setCustomer] = useState('');
  const team = useQuery({
    queryKey: ['team-audit', user, customer],
    queryFn: () => ask({ type: 'teamAudit', user: user || undefined, customer: customer || undefined }),
  });
  const local = useQuery({ queryKey: ['local-audit'], queryFn: () => ask({ type: 'localAudit' }) });
  return (
    <>
      <h1>{s.audit}</h1>
      <p className="muted">{s.auditIntro}</p>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{s.team}</h2>
        <label>
          {s.filterUser} <input value={user} onChange={(event) => setUser(event.target.value.trim())} />
        </label>
        <label>
          {s.filterCustomer} <input value={customer} onChange={(event) => setCustomer(event.target.value.trim())} />
        </label>
        {team.isError && <p role="alert">{team.error.message}</p>}
        {team.data && (
          <>
            <button type="button" onClick={() => download(team.data)}>
              {s.exportCsv}
            </button>
            <AuditTable entries={team.data} label={s.team} />
          </>
        )}
      </section>
      <section aria-labelledby="device-title">
        <h2 id="device-title">{s.thisDevice}</h2>
        {local.isError && <p role="alert">{local.error.message}</p>}
        {local.data && (
          <>
            <p role="status">
              {local.data.chain.ok
                ? s.chainOk(local.data.chain.entries)
                : s.chainBroken(local.data.chain.seq, local.data.chain.problem)}
            </p>
            <AuditTable entries={local.data.entries} label={s.thisDevice} />
          </>
        )}
      </section>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadText } from '@/lib/csv';
import { gesturesCsv, totalsBy } from '@/lib/gestures/csv';
import { empowermentStrings } from '@/lib/i18n/empowerment';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import type { GestureRecord } from '@/lib/policy/schema';
import { dayKey } from '@/lib/policy/units';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { TableHead } from '../TableHead';

function download(records: GestureRecord[]): void {
  downloadText('reconnu-gestures.csv', gesturesCsv(records));
}

/** Gestures given per day, as bars (inline SVG: no chart library); the numbers are also in the table below. */
function DayChart({ days, label }: { days: [string, number, number][]; label: string }) {
  const max = Math.max(1, ...days.map(([, count]) => count));
  const width = 24;
  return (
    <svg role="img" aria-label={label} width={Math.max(120, days.length * width)} height={120}>
      <title>{label}</title>
      {days.map(([day, count], index) => (
        <g key={day}>
          <rect
            x={index * width + 4}
            y={100 - (count / max) * 90}
            width={width - 8}
            height={(count / max) * 90}
            fill="currentColor"
          />
          <text x={index * width + width / 2} y={114} fontSize={8} textAnchor="middle">
            {day.slice(5)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Totals({ rows, label }: { rows: [string, number, number][]; label: string }) {
  const s = supervisorStrings(useLocale());
  return (
    <table aria-label={label}>
      <caption>{label}</caption>
      <TableHead columns={s.totalColumns} />
      <tbody>
        {rows.map(([key, count, sum]) => (
          <tr key={key}>
            <td>{key}</td>
            <td>{count}</td>
            <td>{sum}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Every gesture on every channel, filterable, with totals per agent, customer and day — days of the policy's time
 * zone, the same days its per-day limits count — and a CSV export.
 */
export function GestureHistory({ timeZone }: { timeZone: string }) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const e = empowermentStrings(locale);
  const [agent, setAgent] = useState('');
  const [customer, setCustomer] = useState('');
  const history = useQuery({
    queryKey: ['gestures', 'history', agent, customer],
    queryFn: () => ask({ type: 'gestureHistory', agent: agent || undefined, customer: customer || undefined }),
    refetchInterval: 5000,
  });
  const records = history.data ?? [];
  const days = totalsBy(records, (record) => dayKey(new Date(record.at), timeZone));
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{s.history}</h2>
      <label>
        {s.person} <input value={agent} onChange={(event) => setAgent(event.target.value.trim())} />
      </label>{' '}
      <label>
        {s.customerId} <input value={customer} onChange={(event) => setCustomer(event.target.value.trim())} />
      </label>{' '}
      <button type="button" onClick={() => download(records)} disabled={records.length === 0}>
        {s.exportCsv}
      </button>
      {history.isError && <p role="alert">{history.error.message}</p>}
      <DayChart days={days} label={s.chart} />
      <Totals rows={totalsBy(records, (record) => record.agentName ?? record.agentId)} label={s.totals.agent} />
      <Totals rows={totalsBy(records, (record) => record.customerId)} label={s.totals.customer} />
      <Totals rows={days} label={s.totals.day} />
      <table aria-label={s.history}>
        <TableHead columns={s.historyColumns} />
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              <td>{new Date(record.at).toLocaleString(locale)}</td>
              <td>{record.agentName ?? record.agentId}</td>
              <td>{record.customerId}</td>
              <td>{e.gestures[record.gesture]}</td>
              <td>
                {record.size}
                {record.currency ? ` ${record.currency}` : ''}
              </td>
              <td>{record.channel}</td>
              <td>{e.status[record.status]}</td>
              <td>{record.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

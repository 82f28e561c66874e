import { empowermentStrings } from '@/lib/i18n/empowerment';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import type { GestureRecord } from '@/lib/policy/schema';
import { useLocale } from '../AppShell';
import { TableHead } from '../TableHead';
import { GestureCells } from './GestureCells';

/** Each gesture of the history, newest first, its size in its unit and its people by name. */
export function HistoryTable({
  records,
  currency,
  agentName,
  customerName,
}: {
  records: readonly GestureRecord[];
  currency: string;
  agentName: (record: GestureRecord) => string;
  customerName: (id: string) => string;
}) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const e = empowermentStrings(locale);
  if (records.length === 0) return null;
  return (
    <div className="scroll">
      <table aria-label={s.history}>
        <TableHead columns={s.historyColumns} />
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              <GestureCells record={record} currency={currency} agentName={agentName} customerName={customerName} />
              <td>{s.channels[record.channel]}</td>
              <td>{e.status[record.status]}</td>
              <td>{record.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

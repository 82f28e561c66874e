import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { empowermentStrings } from '@/lib/i18n/empowerment';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import type { GestureRecord } from '@/lib/policy/schema';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { TableHead } from '../TableHead';

function Decision({ record }: { record: GestureRecord }) {
  const s = supervisorStrings(useLocale());
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (verdict: 'approve' | 'reject') => ask({ type: 'decideGesture', id: record.id, verdict, comment }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['gestures'] }),
  });
  return (
    <>
      <label>
        {s.comment} <input value={comment} maxLength={500} onChange={(event) => setComment(event.target.value)} />
      </label>{' '}
      <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
        {s.approve}
      </button>{' '}
      <button type="button" className="secondary" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
        {s.reject}
      </button>
      {decide.isError && <span role="alert"> {decide.error.message}</span>}
    </>
  );
}

/** Requests above the agents' limits, waiting for a supervisor's decision (refreshed every few seconds). */
export function Approvals() {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const e = empowermentStrings(locale);
  const pending = useQuery({
    queryKey: ['gestures', 'pending'],
    queryFn: () => ask({ type: 'gestureHistory', status: 'pending' }),
    refetchInterval: 3000,
  });
  return (
    <section aria-labelledby="approvals-title">
      <h2 id="approvals-title">{s.approvals}</h2>
      {pending.isError && <p role="alert">{pending.error.message}</p>}
      {pending.data?.length === 0 && <p className="muted">{s.noApprovals}</p>}
      {!!pending.data?.length && (
        <table aria-label={s.approvals}>
          <TableHead columns={s.approvalColumns} />
          <tbody>
            {pending.data.map((record) => (
              <tr key={record.id}>
                <td>{new Date(record.at).toLocaleString(locale)}</td>
                <td>{record.agentName ?? record.agentId}</td>
                <td>{record.customerId}</td>
                <td>{e.gestures[record.gesture]}</td>
                <td>
                  {record.size}
                  {record.currency ? ` ${record.currency}` : ''}
                </td>
                <td>{record.reason}</td>
                <td>{record.rule ?? ''}</td>
                <td>
                  <Decision record={record} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import type { GestureRecord, Policy } from '@/lib/policy/schema';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { TableHead } from '../TableHead';
import { ApprovalAlerts } from './ApprovalAlerts';
import { GestureCells } from './GestureCells';
import { agentNamer, useCustomerNames } from './useNames';

function Decision({ record }: { record: GestureRecord }) {
  const s = supervisorStrings(useLocale());
  const id = useId();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (verdict: 'approve' | 'reject') => ask({ type: 'decideGesture', id: record.id, verdict, comment }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['gestures'] }),
  });
  return (
    <div className="decision">
      <label htmlFor={id}>{s.comment}</label>
      <input id={id} value={comment} maxLength={500} onChange={(event) => setComment(event.target.value)} />
      <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
        {s.approve}
      </button>
      <button type="button" className="secondary" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
        {s.reject}
      </button>
      {decide.isError && <span role="alert"> {decide.error.message}</span>}
    </div>
  );
}

/**
 * Requests above the agents' limits, waiting for a supervisor's decision (refreshed every few seconds; each reading
 * also sets the toolbar's count).
 */
export function Approvals({ policy }: { policy: Policy | undefined }) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const pending = useQuery({
    queryKey: ['gestures', 'pending'],
    queryFn: () => ask({ type: 'gestureHistory', status: 'pending' }),
    refetchInterval: 3000,
  });
  const customerName = useCustomerNames(pending.data?.map((record) => record.customerId) ?? []);
  const agentName = agentNamer(policy);
  const currency = policy?.currency ?? 'EUR';
  return (
    <section aria-labelledby="approvals-title" className="card">
      <h2 id="approvals-title">{s.approvals}</h2>
      <ApprovalAlerts />
      {pending.isError && <p role="alert">{pending.error.message}</p>}
      {pending.data?.length === 0 && <p className="muted">{s.noApprovals}</p>}
      {!!pending.data?.length && (
        <div className="scroll">
          <table aria-label={s.approvals}>
            <TableHead columns={s.approvalColumns} />
            <tbody>
              {pending.data.map((record) => (
                <tr key={record.id}>
                  <GestureCells record={record} currency={currency} agentName={agentName} customerName={customerName} />
                  <td>{record.reason}</td>
                  <td>{record.rule ?? ''}</td>
                  <td>
                    <Decision record={record} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

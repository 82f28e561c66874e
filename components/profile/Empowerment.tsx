import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { empowermentStrings } from '@/lib/i18n/empowerment';
import { guardStrings } from '@/lib/i18n/guard';
import { type Gesture, type GestureRecord, gestureUnit } from '@/lib/policy/schema';
import { formatMoney, toMinor } from '@/lib/policy/units';
import type { GestureOption } from '@/lib/protocol/answers';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { useSeenByUser } from '../guard/useSeenByUser';
import { TableHead } from '../TableHead';

/** A size in the viewer's words: money in the locale, a percentage, days, or a count. */
export function useSizeText(currency: string) {
  const locale = useLocale();
  const e = empowermentStrings(locale);
  return (gesture: Gesture, size: number, count = false) => {
    if (count) return e.times(size);
    const unit = gestureUnit[gesture];
    if (unit === 'money') return formatMoney(size, currency, locale);
    if (unit === 'percent') return `${size} %`;
    if (unit === 'days') return `${size} ${e.days.toLowerCase()}`;
    return String(size);
  };
}

function OptionLine({ option, currency }: { option: GestureOption; currency: string }) {
  const e = empowermentStrings(useLocale());
  const text = useSizeText(currency);
  const { perGesture, customer, agentToday } = option.remaining;
  const parts: string[] = [];
  if (perGesture !== null && gestureUnit[option.gesture] !== 'count')
    parts.push(e.upTo(text(option.gesture, perGesture)));
  if (customer?.total != null) parts.push(e.leftCustomer(text(option.gesture, customer.total)));
  if (customer?.count != null) parts.push(e.leftCustomer(text(option.gesture, customer.count, true)));
  if (agentToday?.total != null) parts.push(e.leftToday(text(option.gesture, agentToday.total)));
  if (agentToday?.count != null) parts.push(e.leftToday(text(option.gesture, agentToday.count, true)));
  if (option.decision === 'approval') parts.push(e.approvalOnly);
  return (
    <li data-gesture={option.gesture}>
      <strong>{e.gestures[option.gesture]}</strong>: {parts.join(' · ')}
    </li>
  );
}

function GrantForm({
  customerId,
  options,
  currency,
}: {
  customerId: string;
  options: GestureOption[];
  currency: string;
}) {
  const locale = useLocale();
  const e = empowermentStrings(locale);
  const g = guardStrings(locale);
  const text = useSizeText(currency);
  const client = useQueryClient();
  const [gesture, setGesture] = useState<Gesture>(options[0]?.gesture ?? 'goodwill');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  // Granting takes two clicks in two places, the second on a panel the user can see (not faded or covered).
  const [confirming, setConfirming] = useState(false);
  const [covered, setCovered] = useState(false);
  const guard = useSeenByUser<HTMLFormElement>();
  const unit = gestureUnit[gesture];
  const size =
    unit === 'money' ? toMinor(Number(amount.replace(',', '.')), currency) : unit === 'count' ? 1 : Number(amount);
  const grant = useMutation({
    mutationFn: () => ask({ type: 'grantGesture', customerId, gesture, size, currency, reason }),
    onSuccess: () => {
      setAmount('');
      setReason('');
      setConfirming(false);
      void client.invalidateQueries({ queryKey: ['empowerment', customerId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const confirm = () => {
    setCovered(!guard.seen());
    if (guard.seen()) grant.mutate();
  };
  const valid = Number.isInteger(size) && size > 0 && reason.trim().length >= 3;
  return (
    <form ref={guard.ref} onSubmit={submit} className="grant">
      <label>
        {e.gesture}{' '}
        <select value={gesture} onChange={(event) => setGesture(event.target.value as Gesture)}>
          {options.map((option) => (
            <option key={option.gesture} value={option.gesture}>
              {e.gestures[option.gesture]}
            </option>
          ))}
        </select>
      </label>
      {unit !== 'count' && (
        <label>
          {unit === 'money' ? e.amount(currency) : unit === 'percent' ? e.percent : e.days}{' '}
          <input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </label>
      )}
      <label>
        {e.reason} <input value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
      </label>
      {confirming && valid ? (
        <p className="confirm">
          <button type="button" onClick={confirm} disabled={grant.isPending}>
            {g.confirm}: {e.gestures[gesture]} {unit === 'count' ? '' : text(gesture, size)}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {g.cancel}
          </button>
        </p>
      ) : (
        <button type="submit" disabled={!valid || grant.isPending}>
          {e.grant}
        </button>
      )}
      {covered && <p role="alert">{g.covered}</p>}
      {grant.data && (
        <p role="status">
          {grant.data.decision === 'allow' ? e.granted(grant.data.rule) : e.sentForApproval(grant.data.rule)}
        </p>
      )}
      {grant.isError && <p role="alert">{grant.error.message}</p>}
    </form>
  );
}

function History({ records, currency }: { records: GestureRecord[]; currency: string }) {
  const locale = useLocale();
  const e = empowermentStrings(locale);
  const text = useSizeText(currency);
  if (records.length === 0) return null;
  return (
    <table aria-label={e.history}>
      <caption>{e.history}</caption>
      <TableHead columns={e.columns} />
      <tbody>
        {records.map((record) => (
          <tr key={record.id}>
            <td>{new Date(record.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}</td>
            <td>{e.gestures[record.gesture]}</td>
            <td>{text(record.gesture, record.size)}</td>
            <td>{record.agentName ?? record.agentId}</td>
            <td>{record.channel}</td>
            <td>
              {e.status[record.status]}
              {record.id.startsWith('local:') ? ` (${e.unsent})` : ''}
              {record.comment ? ` — ${record.comment}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "What I can do for this customer": allowed gestures and budgets, a grant form, and what was already given. */
export function Empowerment({ customerId }: { customerId: string }) {
  const e = empowermentStrings(useLocale());
  // Polled, so an approval decided by a supervisor shows here within seconds.
  const query = useQuery({
    queryKey: ['empowerment', customerId],
    queryFn: () => ask({ type: 'empowerment', customerId }),
    refetchInterval: 3000,
  });
  const data = query.data;
  return (
    <section aria-labelledby="empowerment-title" className="empowerment">
      <h2 id="empowerment-title">{e.title}</h2>
      {query.isError && <p className="muted">{query.error.message}</p>}
      {data && !data.policy && <p className="notice">{e.noPolicy}</p>}
      {data?.policy && (
        <>
          {data.offline && <p className="muted">{e.offline}</p>}
          {data.options.length === 0 ? (
            <p className="muted">{e.none}</p>
          ) : (
            <ul aria-label={e.allowed}>
              {data.options.map((option) => (
                <OptionLine key={option.gesture} option={option} currency={data.policy?.currency ?? 'EUR'} />
              ))}
            </ul>
          )}
          {data.options.length > 0 && (
            <GrantForm customerId={customerId} options={data.options} currency={data.policy.currency} />
          )}
          <History records={data.history} currency={data.policy.currency} />
        </>
      )}
    </section>
  );
}

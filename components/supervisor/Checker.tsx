import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { empowermentStrings } from '@/lib/i18n/empowerment';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import { GESTURES, type Gesture, type Policy } from '@/lib/policy/schema';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';

/** "Can Léa offer €40 to this customer?": the answer and the rule that decides it. */
export function Checker({ policy }: { policy: Policy }) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const e = empowermentStrings(locale);
  const [agentId, setAgentId] = useState(policy.people[0]?.id ?? '');
  const [customerId, setCustomerId] = useState('');
  const [gesture, setGesture] = useState<Gesture>('goodwill');
  const [size, setSize] = useState('');
  const check = useMutation({
    mutationFn: () =>
      ask({ type: 'checkGesture', agentId, customerId, gesture, size: Number(size), currency: policy.currency }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate();
  };
  return (
    <section aria-labelledby="checker-title">
      <h2 id="checker-title">{s.checker}</h2>
      <form onSubmit={submit}>
        <label>
          {s.person}{' '}
          <select value={agentId} onChange={(event) => setAgentId(event.target.value)}>
            {policy.people.map((one) => (
              <option key={one.id} value={one.id}>
                {one.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {s.gesture}{' '}
          <select value={gesture} onChange={(event) => setGesture(event.target.value as Gesture)}>
            {GESTURES.map((one) => (
              <option key={one} value={one}>
                {e.gestures[one]}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {s.size} <input inputMode="numeric" value={size} onChange={(event) => setSize(event.target.value.trim())} />
        </label>{' '}
        <label>
          {s.customerId} <input value={customerId} onChange={(event) => setCustomerId(event.target.value.trim())} />
        </label>{' '}
        <button type="submit" disabled={!customerId || !(Number(size) > 0)}>
          {s.check}
        </button>
      </form>
      {check.data && (
        <p role="status">
          <strong>{s.decision[check.data.decision]}</strong> — {check.data.rule}
        </p>
      )}
      {check.isError && <p role="alert">{check.error.message}</p>}
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { empowermentStrings } from '@/lib/i18n/empowerment';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import { GESTURES, type Gesture, type Policy } from '@/lib/policy/schema';
import { ask } from '@/lib/protocol/client';
import { sizeText } from '@/lib/supervisor/size-text';
import { parseSize } from '@/lib/supervisor/sizes';
import { useLocale } from '../AppShell';
import { CustomerPicker, type PickedCustomer } from '../filters/CustomerPicker';
import { PersonPicker } from '../filters/PersonPicker';
import { SizeField } from './SizeField';

/** "Can Léa give Claire €45?": a person from the team, a customer found by search, a size in its unit. */
export function Checker({ policy }: { policy: Policy }) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const e = empowermentStrings(locale);
  const gestureId = useId();
  const [agentId, setAgentId] = useState('');
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [gesture, setGesture] = useState<Gesture>('goodwill');
  const [sizeInput, setSizeInput] = useState('');
  const { currency } = policy;
  const size = parseSize({ gesture, text: sizeInput, currency });
  const check = useMutation({
    mutationFn: (asked: { agentId: string; customer: PickedCustomer; gesture: Gesture; size: number }) =>
      ask({
        type: 'checkGesture',
        agentId: asked.agentId,
        customerId: asked.customer.id,
        gesture: asked.gesture,
        size: asked.size,
        currency,
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agentId && customer && size !== null) check.mutate({ agentId, customer, gesture, size });
  };
  const asked = check.variables;
  const who = policy.people.find((person) => person.id === asked?.agentId)?.name ?? asked?.agentId ?? '';
  const what = asked && [e.gestures[asked.gesture], sizeText({ ...asked, currency, locale })].filter(Boolean).join(' ');
  return (
    <section aria-labelledby="checker-title" className="card">
      <h2 id="checker-title">{s.checker}</h2>
      <p className="muted">{s.checkerHelp}</p>
      <form onSubmit={submit} className="filters">
        <PersonPicker people={policy.people} value={agentId} onChange={setAgentId} />
        <CustomerPicker value={customer} onChange={setCustomer} />
        <div className="field">
          <label htmlFor={gestureId}>{s.gesture}</label>
          <select id={gestureId} value={gesture} onChange={(event) => setGesture(event.target.value as Gesture)}>
            {GESTURES.map((one) => (
              <option key={one} value={one}>
                {e.gestures[one]}
              </option>
            ))}
          </select>
        </div>
        <SizeField
          gesture={gesture}
          currency={currency}
          value={sizeInput}
          onChange={setSizeInput}
          invalid={sizeInput.trim() !== '' && size === null}
        />
        <div className="field actions">
          <button type="submit" disabled={!agentId || !customer || size === null || check.isPending}>
            {s.check}
          </button>
        </div>
      </form>
      {(!agentId || !customer) && <p className="muted">{s.pickBoth}</p>}
      {check.data && asked && (
        <p role="status" className={`verdict verdict-${check.data.decision}`}>
          <strong>{s.decision[check.data.decision]}</strong> — {s.verdict(who, what ?? '', asked.customer.name)}.{' '}
          <span className="muted">{check.data.rule}</span>
        </p>
      )}
      {check.isError && <p role="alert">{check.error.message}</p>}
    </section>
  );
}

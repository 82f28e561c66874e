import { useState } from 'react';
import { empowermentStrings } from '@/lib/i18n/empowerment';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import { ruleAppliesTo } from '@/lib/policy/conditions';
import { GESTURES, type Gesture, type Policy, type PolicyRule } from '@/lib/policy/schema';
import { formatMoney } from '@/lib/policy/units';
import { useLocale } from '../AppShell';
import { useSizeText } from '../profile/Empowerment';
import { TableHead } from '../TableHead';

function conditions(rule: PolicyRule, money: (minor: number) => string): string {
  const when = rule.when;
  if (!when) return '';
  return [
    when.tiers && `tier ${when.tiers.join('/')}`,
    when.segments && `segment ${when.segments.join('/')}`,
    when.minLifetimeValue !== undefined && `LTV ≥ ${money(when.minLifetimeValue)}`,
    when.consent && 'consent',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Each team member's effective permissions: the rules that name them, by role or by name. */
export function TeamPermissions({ policy }: { policy: Policy }) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const e = empowermentStrings(locale);
  const text = useSizeText(policy.currency);
  const [person, setPerson] = useState('');
  const [gesture, setGesture] = useState<Gesture | ''>('');
  const rows = policy.people
    .filter((one) => !person || one.id === person)
    .flatMap((one) =>
      policy.rules
        .filter((rule) => ruleAppliesTo(rule, one) && (!gesture || rule.gesture === gesture))
        .map((rule) => ({ one, rule })),
    );
  const cap = (rule: PolicyRule, limit?: { count?: number; total?: number }) =>
    [limit?.total !== undefined && text(rule.gesture, limit.total), limit?.count !== undefined && e.times(limit.count)]
      .filter(Boolean)
      .join(' / ');
  return (
    <section aria-labelledby="team-title" className="card">
      <h2 id="team-title">{s.team}</h2>
      <div className="filters">
        <label>
          {s.person}{' '}
          <select value={person} onChange={(event) => setPerson(event.target.value)}>
            <option value="">{s.all}</option>
            {policy.people.map((one) => (
              <option key={one.id} value={one.id}>
                {one.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {s.gesture}{' '}
          <select value={gesture} onChange={(event) => setGesture(event.target.value as Gesture | '')}>
            <option value="">{s.all}</option>
            {GESTURES.map((one) => (
              <option key={one} value={one}>
                {e.gestures[one]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table aria-label={s.team}>
        <TableHead columns={s.permissionColumns} />
        <tbody>
          {rows.map(({ one, rule }) => (
            <tr key={`${one.id}:${rule.id}`}>
              <td>{one.name}</td>
              <td>{one.role}</td>
              <td>{e.gestures[rule.gesture]}</td>
              <td>{text(rule.gesture, rule.maxPerGesture)}</td>
              <td>{rule.approvalUpTo === undefined ? '—' : text(rule.gesture, rule.approvalUpTo)}</td>
              <td>{rule.perCustomer ? `${cap(rule, rule.perCustomer)} / ${s.days(rule.perCustomer.days)}` : '—'}</td>
              <td>{cap(rule, rule.perAgentPerDay) || '—'}</td>
              <td>{conditions(rule, (minor) => formatMoney(minor, policy.currency, locale))}</td>
              <td>{rule.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

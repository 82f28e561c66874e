import { useId } from 'react';
import { filterStrings } from '@/lib/i18n/filters';
import type { PolicyPerson } from '@/lib/policy/schema';
import { useLocale } from '../AppShell';

/**
 * One person of the team, by name: the team is the signed policy's roster, the same people the hub knows by id.
 * With `anyone`, the first choice is everyone (a filter); without, a person must be chosen (the checker).
 */
export function PersonPicker({
  people,
  value,
  onChange,
  anyone = false,
}: {
  people: readonly Pick<PolicyPerson, 'id' | 'name'>[];
  value: string;
  onChange: (id: string) => void;
  anyone?: boolean;
}) {
  const f = filterStrings(useLocale());
  const id = useId();
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="field">
      <label htmlFor={id}>{f.person}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyone ? f.everyone : f.choosePerson}</option>
        {sorted.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </div>
  );
}

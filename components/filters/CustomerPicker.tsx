import { filterStrings } from '@/lib/i18n/filters';
import { useLocale } from '../AppShell';
import { CustomerSearch } from '../CustomerSearch';

export interface PickedCustomer {
  id: string;
  name: string;
}

/**
 * A customer chosen with the side panel's search (name, email, phone, card, order), shown by name once chosen; no id
 * is ever typed. `clearLabel` names what choosing none means ("Any customer" for a filter).
 */
export function CustomerPicker({
  value,
  onChange,
  clearLabel,
}: {
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  clearLabel?: string;
}) {
  const f = filterStrings(useLocale());
  if (!value) {
    return (
      <div className="field customer-picker">
        <CustomerSearch
          label={f.findCustomer}
          scanner={false}
          onPick={(id, candidate) => onChange({ id, name: candidate.name })}
        />
      </div>
    );
  }
  return (
    <div className="field customer-picker">
      <span className="field-label">{f.customer}</span>
      <p className="picked">
        <strong>{value.name}</strong>{' '}
        <button type="button" className="secondary" onClick={() => onChange(null)}>
          {clearLabel ?? f.change}
        </button>
      </p>
    </div>
  );
}

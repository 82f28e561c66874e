import { empowermentStrings } from '@/lib/i18n/empowerment';
import type { GestureRecord } from '@/lib/policy/schema';
import { sizeText } from '@/lib/supervisor/size-text';
import { useLocale } from '../AppShell';

/** The cells every gesture table starts with: when, who, for whom, what and how much, in its unit. */
export function GestureCells({
  record,
  currency,
  agentName,
  customerName,
}: {
  record: GestureRecord;
  /** The policy's currency, for a record that names none. */
  currency: string;
  agentName: (record: GestureRecord) => string;
  customerName: (id: string) => string;
}) {
  const locale = useLocale();
  const e = empowermentStrings(locale);
  return (
    <>
      <td>{new Date(record.at).toLocaleString(locale)}</td>
      <td>{agentName(record)}</td>
      <td>{customerName(record.customerId)}</td>
      <td>{e.gestures[record.gesture]}</td>
      <td>{sizeText({ ...record, currency: record.currency ?? currency, locale })}</td>
    </>
  );
}

import { supervisorStrings } from '@/lib/i18n/supervisor';
import { formatMoney } from '@/lib/policy/units';
import type { Total } from '@/lib/supervisor/totals';
import { useLocale } from '../AppShell';
import { TableHead } from '../TableHead';

/** What was given per agent or per customer, by name, money in the policy's currency. */
export function TotalsTable({
  caption,
  rows,
  label,
  currency,
}: {
  caption: string;
  rows: readonly Total[];
  label: (key: string) => string;
  currency: string;
}) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  return (
    <table aria-label={caption}>
      <caption>{caption}</caption>
      <TableHead columns={s.totalColumns} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{label(row.key)}</td>
            <td>{row.count}</td>
            <td>{row.money ? formatMoney(row.money, currency, locale) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { CSSProperties } from 'react';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import { formatMoney } from '@/lib/policy/units';
import type { Total } from '@/lib/supervisor/totals';
import { useLocale } from '../AppShell';

/**
 * Totals as horizontal bars, drawn with CSS (no chart library): each bar has its label and its numbers written
 * beside it, so the chart reads without the picture, to a screen reader too. Bars measure money when any was given,
 * else the number of gestures.
 */
export function BarChart({
  title,
  rows,
  label,
  currency,
}: {
  title: string;
  rows: readonly Total[];
  label: (key: string) => string;
  currency: string;
}) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const byMoney = rows.some((row) => row.money > 0);
  const measure = (row: Total) => (byMoney ? row.money : row.count);
  const largest = Math.max(1, ...rows.map(measure));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul className="bars">
        {rows.map((row) => (
          <li key={row.key}>
            <span className="bar-label">{label(row.key)}</span>
            <span
              className="bar"
              aria-hidden="true"
              style={{ '--share': `${(measure(row) / largest) * 100}%` } as CSSProperties}
            />
            <span className="bar-value">
              {s.bar(row.count, row.money ? formatMoney(row.money, currency, locale) : '')}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

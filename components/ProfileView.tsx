import type { Customer } from '@/lib/feed/schema';
import { displayName } from '@/lib/feed/schema';
import { useLocale, useStrings } from './AppShell';

/** The customer at a glance. The first heading is the full display name (a stable contract for tests). */
export function ProfileView({ customer }: { customer: Customer }) {
  const t = useStrings();
  const locale = useLocale();
  const lastOrder = [...(customer.orders ?? [])].sort((a, b) => b.placedAt.localeCompare(a.placedAt))[0];
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  return (
    <article aria-labelledby="customer-name">
      <h1 id="customer-name">{displayName(customer)}</h1>
      {customer.name?.preferred && (
        <p>
          {t.preferredName}: <strong>{customer.name.preferred}</strong>
        </p>
      )}
      <ul className="chips" aria-label="Profile facts">
        {customer.loyalty && (
          <li>
            {t.tier}: {customer.loyalty.tier} · {customer.loyalty.points.toLocaleString(locale)} {t.points}
          </li>
        )}
        {customer.language && (
          <li>
            {t.language}: {customer.language}
          </li>
        )}
        {customer.customerSince && (
          <li>
            {t.customerSince} {date(customer.customerSince)}
          </li>
        )}
      </ul>
      {lastOrder && (
        <p>
          {t.lastOrder}: {lastOrder.number} · {date(lastOrder.placedAt)} · {lastOrder.status} ·{' '}
          {money(lastOrder.total.amount, lastOrder.total.currency)}
        </p>
      )}
    </article>
  );
}

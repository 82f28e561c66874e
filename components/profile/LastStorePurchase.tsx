import type { Customer } from '@/lib/feed/schema';
import { useProfile } from './useProfile';

/**
 * The newest order paid at a till, with its lines: what they took home the last time they came in, which is what a
 * salesperson in the aisle builds on. Said plainly when they never bought in a store.
 */
export function LastStorePurchase({ orders }: { orders: Customer['orders'] }) {
  const { p, f } = useProfile();
  const [last] = (orders ?? [])
    .filter((order) => order.channel === 'store')
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  return (
    <section aria-labelledby="profile-last-store" className="last-store-purchase">
      <h2 id="profile-last-store">{p.lastStorePurchase}</h2>
      {last ? (
        <>
          <p>
            <strong>{last.number}</strong> · {f.date(last.placedAt)} ({f.ago(last.placedAt)}) ·{' '}
            {f.money(last.total.amount, last.total.currency)}
          </p>
          <ul className="lines">
            {last.lines.map((line) => (
              <li key={line.sku}>
                {line.quantity} × {line.title}
                {line.returned ? <span className="warn"> ({p.returned(line.returned)})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{p.noStorePurchase}</p>
      )}
    </section>
  );
}

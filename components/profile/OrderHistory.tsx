import type { Customer } from '@/lib/feed/schema';
import { useProfile } from './useProfile';

/** Every order, newest first, with its lines, returns, channel and status, and what they spent over time. */
export function OrderHistory({ orders }: { orders: NonNullable<Customer['orders']> }) {
  const { p, f } = useProfile();
  const sorted = [...orders].sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  const totals = new Map<string, number>();
  for (const order of orders)
    totals.set(order.total.currency, (totals.get(order.total.currency) ?? 0) + order.total.amount);
  const lifetime = [...totals].map(([currency, amount]) => f.money(amount, currency)).join(' + ');
  return (
    <section aria-labelledby="profile-orders">
      <h2 id="profile-orders">{p.orders}</h2>
      <p className="muted">{p.lifetime(orders.length, lifetime)}</p>
      <ol className="orders">
        {sorted.map((order) => {
          const returned = order.lines.reduce((sum, line) => sum + (line.returned ?? 0), 0);
          return (
            <li key={order.id}>
              <p>
                <strong>{order.number}</strong> · {f.date(order.placedAt)} · {p.channel[order.channel] ?? order.channel}{' '}
                · {order.status} · {f.money(order.total.amount, order.total.currency)}
                {returned > 0 && <span className="warn"> · {p.returned(returned)}</span>}
              </p>
              <ul className="lines">
                {order.lines.map((line) => (
                  <li key={`${order.id}-${line.sku}`}>
                    {line.quantity} × {line.title}
                    {line.returned ? <span className="warn"> ({p.returned(line.returned)})</span> : null}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

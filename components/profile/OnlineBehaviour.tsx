import type { Customer } from '@/lib/feed/schema';
import { useProfile } from './useProfile';

const SHOWN = 5;

/** What they wished for, looked at and left in the cart online, newest first. */
export function OnlineBehaviour({ customer }: { customer: Customer }) {
  const { p, f } = useProfile();
  const newest = <T,>(items: T[] | undefined, at: (item: T) => string) =>
    [...(items ?? [])].sort((a, b) => at(b).localeCompare(at(a))).slice(0, SHOWN);
  const wishlist = newest(customer.wishlist, (item) => item.addedAt);
  const viewed = newest(customer.recentlyViewed, (item) => item.viewedAt);
  const cart = customer.cart ?? [];
  if (wishlist.length + viewed.length + cart.length === 0) return null;
  return (
    <section aria-labelledby="profile-online">
      <h2 id="profile-online">{p.online}</h2>
      <dl className="facts">
        {wishlist.length > 0 && (
          <>
            <dt>{p.wishlist}</dt>
            <dd>{wishlist.map((item) => item.title).join(', ')}</dd>
          </>
        )}
        {viewed.length > 0 && (
          <>
            <dt>{p.viewed}</dt>
            <dd>{viewed.map((item) => `${item.title} (${f.ago(item.viewedAt)})`).join(', ')}</dd>
          </>
        )}
        {cart.length > 0 && (
          <>
            <dt>{p.cart}</dt>
            <dd>
              {cart.map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.title}` : item.title)).join(', ')}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

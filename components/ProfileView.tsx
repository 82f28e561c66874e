import type { Customer } from '@/lib/feed/schema';
import { FreshnessBadge } from './profile/FreshnessBadge';
import { OnlineBehaviour } from './profile/OnlineBehaviour';
import { OrderHistory } from './profile/OrderHistory';
import { Preferences } from './profile/Preferences';
import { ProfileHeader } from './profile/ProfileHeader';
import { useProfile } from './profile/useProfile';
import { WhatToKnow } from './profile/WhatToKnow';

/**
 * The customer at a glance. The first heading is the full display name (a stable contract for tests). Without
 * personalization consent, preferences, online behaviour and influence are not shown, and the panel says why.
 */
export function ProfileView({ customer }: { customer: Customer }) {
  const { p } = useProfile();
  const personalized = customer.consent?.personalization !== false;
  return (
    <article aria-labelledby="customer-name" className="profile">
      <FreshnessBadge />
      <ProfileHeader customer={customer} personalized={personalized} />
      <WhatToKnow customer={customer} />
      {personalized ? (
        <>
          {customer.preferences && <Preferences preferences={customer.preferences} />}
          <OnlineBehaviour customer={customer} />
        </>
      ) : (
        <p className="notice">{p.consentHidden}</p>
      )}
      {!!customer.orders?.length && <OrderHistory orders={customer.orders} />}
    </article>
  );
}

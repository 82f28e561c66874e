import { Fragment, type ReactNode, useMemo } from 'react';
import { visibleStrings } from '@/lib/display/visible';
import type { Customer } from '@/lib/feed/schema';
import type { Privacy } from '@/lib/privacy/view';
import { Contacts } from './profile/Contacts';
import { Empowerment } from './profile/Empowerment';
import { FreshnessBadge } from './profile/FreshnessBadge';
import { LastStorePurchase } from './profile/LastStorePurchase';
import { OnlineBehaviour } from './profile/OnlineBehaviour';
import { OrderHistory } from './profile/OrderHistory';
import { Preferences } from './profile/Preferences';
import { ProfileHeader } from './profile/ProfileHeader';
import { type ProfileSection, profileSectionsFor } from './profile/sections';
import { useProfile } from './profile/useProfile';
import { WhatToKnow } from './profile/WhatToKnow';

/**
 * The customer at a glance. The first heading is the full display name (a stable contract for tests); the sections
 * below follow the viewer's role (profile/sections.ts). Without personalization consent, preferences, online
 * behaviour and influence are not shown (the background does not even send them), and the panel says why. Every
 * string is shown as text, in stored order, with invisible characters made visible (lib/display/visible.ts).
 */
export function ProfileView({ customer: stored, privacy }: { customer: Customer; privacy: Privacy }) {
  const { p } = useProfile();
  const customer = useMemo(() => visibleStrings(stored), [stored]);
  const personalized = customer.consent?.personalization !== false && !privacy.personalizationHidden;
  const sections: Record<ProfileSection, ReactNode> = {
    whatToKnow: <WhatToKnow customer={customer} />,
    contacts: <Contacts customer={customer} masked={privacy.masked} />,
    preferences: personalized ? (
      customer.preferences && <Preferences preferences={customer.preferences} />
    ) : (
      <p className="notice">{p.consentHidden}</p>
    ),
    online: personalized && <OnlineBehaviour customer={customer} />,
    lastStorePurchase: <LastStorePurchase orders={customer.orders} />,
    empowerment: <Empowerment customerId={customer.id} />,
    orders: !!customer.orders?.length && <OrderHistory orders={customer.orders} />,
  };
  return (
    <article aria-labelledby="customer-name" className="profile">
      <FreshnessBadge />
      <ProfileHeader customer={customer} personalized={personalized} />
      {profileSectionsFor({ role: privacy.viewerRole }).map((section) => (
        <Fragment key={section}>{sections[section]}</Fragment>
      ))}
    </article>
  );
}

import type { Me } from '@/lib/feed/schema';

/** The profile's parts below its header, each rendered by ProfileView. */
export type ProfileSection =
  | 'whatToKnow'
  | 'contacts'
  | 'preferences'
  | 'online'
  | 'lastStorePurchase'
  | 'empowerment'
  | 'orders';

/**
 * At a helpdesk or on the phone, the agent needs the story first: the last order, how to reach them, then what they
 * like. In the aisle, store staff need what fits and what tempts: sizes and brands, the wishlist and what was looked
 * at online, and what they bought in a store last; contacts and the rest follow.
 */
const AT_THE_DESK: readonly ProfileSection[] = [
  'whatToKnow',
  'contacts',
  'preferences',
  'online',
  'empowerment',
  'orders',
];
const IN_THE_AISLE: readonly ProfileSection[] = [
  'preferences',
  'online',
  'lastStorePurchase',
  'whatToKnow',
  'contacts',
  'empowerment',
  'orders',
];

/** The order of the profile's sections for a viewer's role (null: a viewer the feed has not vouched for). */
export function profileSectionsFor({ role }: { role: Me['role'] | null }): readonly ProfileSection[] {
  return role === 'store' ? IN_THE_AISLE : AT_THE_DESK;
}

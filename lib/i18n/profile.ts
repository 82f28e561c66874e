import type { Locale } from './strings';

// The profile panel's words. Kept apart from ./strings.ts (the extension's chrome) so each file stays small.
const en = {
  goesBy: 'Goes by',
  language: 'Speaks',
  tier: (tier: string, points: string) => `${tier} · ${points} points`,
  since: (date: string) => `Customer since ${date}`,
  influence: { connector: 'Connector', maven: 'Maven' } as Record<string, string>,
  influenceHint: (followers: string, reviews: string) => `${followers} followers · ${reviews} reviews`,
  whatToKnow: 'What to know',
  lastOrder: (number: string, status: string, when: string) => `Last order ${number}: ${status}, ${when}`,
  openReturn: (count: number) => (count === 1 ? '1 item returned recently' : `${count} items returned recently`),
  prefersChannel: {
    email: 'Prefers email',
    sms: 'Prefers SMS',
    phone: 'Prefers a call',
    none: 'No contact wanted',
  } as Record<string, string>,
  noOrders: 'No orders yet',
  preferences: 'Preferences',
  sizes: 'Sizes',
  brands: 'Brands',
  categories: 'Likes',
  notes: 'Notes',
  online: 'Online',
  wishlist: 'Wishlist',
  viewed: 'Recently viewed',
  cart: 'In the cart',
  orders: 'Orders',
  lifetime: (count: number, total: string) => `${count} ${count === 1 ? 'order' : 'orders'} · ${total} in total`,
  returned: (count: number) => `${count} returned`,
  channel: { web: 'Web', store: 'Store', phone: 'Phone', app: 'App' } as Record<string, string>,
  lastStorePurchase: 'Last store purchase',
  noStorePurchase: 'No purchase in a store yet',
  consentHidden:
    'This customer has not agreed to personalization: preferences, wishlist, browsing and influence are not shown.',
  asOf: (time: string) => `as of ${time}`,
  stale: (time: string) => `Not synced since ${time}`,
  offline: (time: string) => `Offline · data as of ${time}`,
  neverSynced: 'Not synced yet',
};

type ProfileStrings = typeof en;

const fr: ProfileStrings = {
  goesBy: 'Se fait appeler',
  language: 'Parle',
  tier: (tier, points) => `${tier} · ${points} points`,
  since: (date) => `Client depuis le ${date}`,
  influence: { connector: 'Connecteur', maven: 'Expert' },
  influenceHint: (followers, reviews) => `${followers} abonnés · ${reviews} avis`,
  whatToKnow: 'À savoir',
  lastOrder: (number, status, when) => `Dernière commande ${number} : ${status}, ${when}`,
  openReturn: (count) => (count === 1 ? '1 article retourné récemment' : `${count} articles retournés récemment`),
  prefersChannel: {
    email: 'Préfère l’e-mail',
    sms: 'Préfère le SMS',
    phone: 'Préfère un appel',
    none: 'Ne souhaite pas être contacté',
  },
  noOrders: 'Aucune commande',
  preferences: 'Préférences',
  sizes: 'Tailles',
  brands: 'Marques',
  categories: 'Aime',
  notes: 'Notes',
  online: 'En ligne',
  wishlist: 'Liste d’envies',
  viewed: 'Vus récemment',
  cart: 'Dans le panier',
  orders: 'Commandes',
  lifetime: (count, total) => `${count} ${count === 1 ? 'commande' : 'commandes'} · ${total} au total`,
  returned: (count) => `${count} retourné(s)`,
  channel: { web: 'Web', store: 'Magasin', phone: 'Téléphone', app: 'Appli' },
  lastStorePurchase: 'Dernier achat en magasin',
  noStorePurchase: 'Aucun achat en magasin pour l’instant',
  consentHidden:
    'Ce client n’a pas consenti à la personnalisation : préférences, liste d’envies, navigation et influence sont masquées.',
  asOf: (time) => `à jour de ${time}`,
  stale: (time) => `Pas synchronisé depuis ${time}`,
  offline: (time) => `Hors ligne · données de ${time}`,
  neverSynced: 'Pas encore synchronisé',
};

export function profileStrings(locale: Locale): ProfileStrings {
  return locale === 'fr' ? fr : en;
}

/** Intl throws on a currency or language code it cannot use: the raw value is shown instead of a broken panel. */
function orRaw<A extends unknown[]>(format: (...args: A) => string, raw: (...args: A) => string) {
  return (...args: A): string => {
    try {
      return format(...args);
    } catch {
      return raw(...args);
    }
  };
}

/** Locale-aware formatting for the profile: dates, money, numbers, and "3 days ago". */
export function formatters(locale: Locale, now = Date.now()) {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const asIs = (iso: string) => iso;
  return {
    date: orRaw((iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' }), asIs),
    time: orRaw(
      (iso: string) => new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }),
      asIs,
    ),
    money: orRaw(
      (amount: number, currency: string) =>
        new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount),
      (amount, currency) => `${amount} ${currency}`,
    ),
    number: (value: number) => value.toLocaleString(locale),
    ago: orRaw((iso: string) => {
      const days = Math.round((Date.parse(iso) - now) / 86_400_000);
      return Math.abs(days) < 1 ? relative.format(0, 'day') : relative.format(days, 'day');
    }, asIs),
    language: orRaw((code: string) => new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code, asIs),
  };
}

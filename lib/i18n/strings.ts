import { browser } from 'wxt/browser';

const en = {
  unknownCustomer: 'Unknown customer',
  lookingUp: 'Looking up…',
  severalMatch: 'Several customers match',
  pickOne: 'Choose the right customer:',
  searchLabel: 'Search a customer',
  searchPlaceholder: 'Email, phone, card or order number',
  noResult: 'No customer found.',
  preferredName: 'Goes by',
  tier: 'Tier',
  points: 'points',
  language: 'Language',
  customerSince: 'Customer since',
  lastOrder: 'Last order',
  feedUrl: 'Feed URL',
  accessToken: 'Access token',
  save: 'Save',
  syncNow: 'Sync now',
  customers: (n: number) => `${n.toLocaleString('en')} customers`,
  lastSync: 'Last sync',
  never: 'never',
  syncIssues: 'Sync issues',
  noSyncIssues: 'No sync issues.',
  settingsSaved: 'Settings saved.',
  state: { idle: 'Up to date', syncing: 'Syncing…', retrying: 'Retrying…', offline: 'Offline', error: 'Sync failed' },
  back: 'Back',
};

type Strings = typeof en;

const fr: Strings = {
  unknownCustomer: 'Client inconnu',
  lookingUp: 'Recherche…',
  severalMatch: 'Plusieurs clients correspondent',
  pickOne: 'Choisissez le bon client :',
  searchLabel: 'Rechercher un client',
  searchPlaceholder: 'E-mail, téléphone, carte ou n° de commande',
  noResult: 'Aucun client trouvé.',
  preferredName: 'Se fait appeler',
  tier: 'Statut',
  points: 'points',
  language: 'Langue',
  customerSince: 'Client depuis',
  lastOrder: 'Dernière commande',
  feedUrl: 'URL du flux',
  accessToken: "Jeton d'accès",
  save: 'Enregistrer',
  syncNow: 'Synchroniser',
  customers: (n: number) => `${n.toLocaleString('fr')} clients`,
  lastSync: 'Dernière synchro',
  never: 'jamais',
  syncIssues: 'Problèmes de synchronisation',
  noSyncIssues: 'Aucun problème de synchronisation.',
  settingsSaved: 'Réglages enregistrés.',
  state: {
    idle: 'À jour',
    syncing: 'Synchronisation…',
    retrying: 'Nouvel essai…',
    offline: 'Hors ligne',
    error: 'Échec',
  },
  back: 'Retour',
};

export type Locale = 'en' | 'fr';

export function resolveLocale(setting: 'auto' | Locale): Locale {
  if (setting !== 'auto') return setting;
  const language = browser.i18n?.getUILanguage?.() ?? navigator.language;
  return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function strings(locale: Locale): Strings {
  return locale === 'fr' ? fr : en;
}

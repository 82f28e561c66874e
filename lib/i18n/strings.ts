import { browser } from 'wxt/browser';
import type { SyncNotice } from '../sync/status';

const en = {
  unknownCustomer: 'Unknown customer',
  lookingUp: 'Looking up…',
  severalMatch: 'Several customers match',
  pickOne: 'Choose the right customer:',
  notThisCustomer: 'Not this customer',
  reasons: {
    requester: 'requester',
    sender: 'wrote the message',
    linked: 'contact link',
    mentioned: 'mentioned on the page',
    quoted: 'in a quoted message',
    copied: 'in copy',
    learned: 'where you picked before',
  },
  searchLabel: 'Search a customer',
  searchPlaceholder: 'Name, email, phone, card or order number',
  searchResults: 'Customers found',
  scanCard: 'Scan a loyalty card',
  openSidePanel: 'Open the side panel',
  invalidFeedUrl: 'The feed URL must be an http(s) address.',
  feedPermissionRefused: (origin: string) => `Permission to reach ${origin} was refused.`,
  ruleError: {
    selector: 'not a valid CSS selector',
    host: 'the site must be a host name such as crm.example.com or *.example.com',
    regex: 'the order number pattern is not a valid regular expression',
    domain: 'company domains must look like example.com',
  },
  healthProblem: (kind: 'fields' | 'container', page: string) =>
    kind === 'fields' ? `no customer field matched on ${page}` : `the conversation container was not found on ${page}`,
  notice: (notice: SyncNotice): string | null => {
    switch (notice.code) {
      case 'unreachable':
        return `Cannot reach ${notice.source ?? 'the feed'}`;
      case 'http':
        return `${notice.source ?? 'The feed'} answered ${notice.status}${notice.status === 401 || notice.status === 403 ? `: check the ${notice.source ? 'credentials' : 'access token'}` : ''}`;
      case 'badData':
        return `${notice.source ?? 'The feed'} sent malformed data`;
      case 'cursorReset':
        return 'The feed rejected the saved position; syncing again from the start';
      case 'quota':
        return 'The browser refused to store more data (storage quota). Nothing stored was lost; free disk space and sync again';
      case 'storage':
        return 'Could not store the synced data';
      case 'noFeed':
        return 'No feed configured';
      case 'policyRefused':
        return `The new empowerment policy was refused: ${notice.reason} ${notice.kept ? `The last valid policy (${notice.kept}) stays in force.` : 'No policy is in force: gestures cannot be granted.'}`;
      case 'policyOlderRefused':
        return `An older empowerment policy was refused: the feed served a policy signed before one already accepted (replayed or out of date). ${notice.kept ? `The policy ${notice.kept} stays in force.` : 'No policy is in force: gestures cannot be granted.'}`;
      case 'policyNoKey':
        return 'No policy public key is configured: gestures cannot be granted until the administrator sets one';
      case 'locked':
        return 'The local cache stays locked until the feed provides its key; nobody is recognized meanwhile';
      case 'signedOut':
        return 'Signed out: enter an access token to sync again';
      case 'revoked':
        return 'The feed refused your access token (revoked or expired): you were signed out and the customers in this browser were wiped. Enter a new token to sync again';
      default:
        return null;
    }
  },
  cameraUnavailable: 'The camera is not available',
  cancel: 'Cancel',
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
  policyPublicKey: 'Policy public key (ES256, JWK or PEM)',
  policyInForce: (id: string, until: string) => `Empowerment policy ${id} in force, verified, valid until ${until}.`,
  state: {
    disconnected: 'Not connected',
    idle: 'Up to date',
    syncing: 'Syncing…',
    retrying: 'Retrying…',
    offline: 'Offline',
    error: 'Sync failed',
  },
  notSyncedYet: 'Not synced yet',
  back: 'Back',
  phoneRegion: 'Default phone region (numbers without a country code)',
  recentCallers: 'Recent callers',
  unknownCaller: 'unknown caller',
  sharedNumber: (count: number) => `number shared by ${count} customers`,
  notifyCalls: 'Desktop notification with the caller’s name when the softphone tab is in the background',
  sites: 'Sites',
  siteRulesIntro: 'For an in-house CRM: tell Reconnu where the customer is on its pages, with CSS selectors.',
  siteHost: 'Site (host name)',
  customerEmailSelector: 'Customer email field (CSS selector)',
  customerPhoneSelector: 'Customer phone field (CSS selector)',
  customerNameSelector: 'Customer name field (CSS selector)',
  orderSelector: 'Order number field (CSS selector)',
  excludeSelector: "Agent's or company's areas to ignore (CSS selector)",
  orderPattern: 'Order number pattern (regular expression)',
  companyDomains: "Company email domains, never the customer's (comma-separated)",
  addRule: 'Save site rule',
  removeRule: 'Remove',
  noRules: 'No site rules.',
  adapterHealth: 'Adapter health',
  adapterHealthy: 'Every adapter found what it expected.',
  adapterProblem: (count: number, host: string) => `${count}× on ${host}; generic detection was used instead`,
  clearHealth: 'Clear warnings',
  siteOn: (host: string) => `Reconnu is on for ${host}.`,
  siteOff: (host: string) => `Reconnu is off for ${host}.`,
  turnOn: 'Turn on for this site',
  turnOff: 'Turn off for this site',
  justOnce: 'Show the panel on this page once',
  siteUnavailable: 'Reconnu cannot run on this page.',
  siteBlocked: (host: string) => `Your administrator does not allow Reconnu on ${host}.`,
  setByAdmin: 'Set by your administrator',
  shortcutHint: 'Toggle the panel: shortcut set in your browser’s extension shortcuts.',
};

type Strings = typeof en;

const fr: Strings = {
  unknownCustomer: 'Client inconnu',
  lookingUp: 'Recherche…',
  severalMatch: 'Plusieurs clients correspondent',
  pickOne: 'Choisissez le bon client :',
  notThisCustomer: 'Ce n’est pas ce client',
  reasons: {
    requester: 'demandeur',
    sender: 'a écrit le message',
    linked: 'lien de contact',
    mentioned: 'cité sur la page',
    quoted: 'dans un message cité',
    copied: 'en copie',
    learned: 'là où vous avez choisi avant',
  },
  searchLabel: 'Rechercher un client',
  searchPlaceholder: 'Nom, e-mail, téléphone, carte ou n° de commande',
  searchResults: 'Clients trouvés',
  scanCard: 'Scanner une carte de fidélité',
  openSidePanel: 'Ouvrir le panneau latéral',
  invalidFeedUrl: 'L’URL du flux doit être une adresse http(s).',
  feedPermissionRefused: (origin) => `L’autorisation d’accéder à ${origin} a été refusée.`,
  ruleError: {
    selector: 'sélecteur CSS invalide',
    host: 'le site doit être un nom d’hôte comme crm.exemple.fr ou *.exemple.fr',
    regex: 'le format des n° de commande n’est pas une expression régulière valide',
    domain: 'les domaines de l’entreprise s’écrivent comme exemple.fr',
  },
  healthProblem: (kind, page) =>
    kind === 'fields'
      ? `aucun champ client trouvé sur ${page}`
      : `conteneur de la conversation introuvable sur ${page}`,
  notice: (notice) => {
    switch (notice.code) {
      case 'unreachable':
        return `${notice.source ?? 'Le flux'} est injoignable`;
      case 'http':
        return `${notice.source ?? 'Le flux'} a répondu ${notice.status}${notice.status === 401 || notice.status === 403 ? ` : vérifiez ${notice.source ? 'les identifiants' : 'le jeton d’accès'}` : ''}`;
      case 'badData':
        return `${notice.source ?? 'Le flux'} a envoyé des données mal formées`;
      case 'cursorReset':
        return 'Le flux a refusé la position enregistrée ; nouvelle synchronisation depuis le début';
      case 'quota':
        return 'Le navigateur refuse de stocker davantage (quota). Rien n’a été perdu ; libérez de l’espace disque et resynchronisez';
      case 'storage':
        return 'Impossible d’enregistrer les données synchronisées';
      case 'noFeed':
        return 'Aucun flux configuré';
      case 'policyRefused':
        return `La nouvelle politique de gestes a été refusée : ${notice.reason} ${notice.kept ? `La dernière politique valide (${notice.kept}) reste en vigueur.` : 'Aucune politique en vigueur : aucun geste ne peut être accordé.'}`;
      case 'policyOlderRefused':
        return `Une politique de gestes plus ancienne a été refusée : le flux a servi une politique signée avant une autre déjà acceptée (rejouée ou périmée). ${notice.kept ? `La politique ${notice.kept} reste en vigueur.` : 'Aucune politique en vigueur : aucun geste ne peut être accordé.'}`;
      case 'policyNoKey':
        return 'Aucune clé publique de politique configurée : aucun geste ne peut être accordé tant que l’administrateur n’en a pas défini une';
      case 'locked':
        return 'Le cache local reste verrouillé tant que le flux n’a pas fourni sa clé ; personne n’est reconnu en attendant';
      case 'signedOut':
        return 'Déconnecté : saisissez un jeton d’accès pour resynchroniser';
      case 'revoked':
        return 'Le flux a refusé votre jeton d’accès (révoqué ou expiré) : vous avez été déconnecté et les clients de ce navigateur ont été effacés. Saisissez un nouveau jeton pour resynchroniser';
      default:
        return null;
    }
  },
  cameraUnavailable: 'La caméra n’est pas disponible',
  cancel: 'Annuler',
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
  policyPublicKey: 'Clé publique de la politique (ES256, JWK ou PEM)',
  policyInForce: (id, until) => `Politique de gestes ${id} en vigueur, vérifiée, valable jusqu’au ${until}.`,
  state: {
    disconnected: 'Non connecté',
    idle: 'À jour',
    syncing: 'Synchronisation…',
    retrying: 'Nouvel essai…',
    offline: 'Hors ligne',
    error: 'Échec',
  },
  notSyncedYet: 'Pas encore synchronisé',
  back: 'Retour',
  phoneRegion: 'Région téléphonique par défaut (numéros sans indicatif)',
  recentCallers: 'Appels récents',
  unknownCaller: 'appelant inconnu',
  sharedNumber: (count: number) => `numéro partagé par ${count} clients`,
  notifyCalls: 'Notification avec le nom de l’appelant quand l’onglet du softphone est en arrière-plan',
  sites: 'Sites',
  siteRulesIntro:
    'Pour un CRM interne : indiquez à Reconnu où se trouve le client sur ses pages, par des sélecteurs CSS.',
  siteHost: 'Site (nom d’hôte)',
  customerEmailSelector: 'Champ e-mail du client (sélecteur CSS)',
  customerPhoneSelector: 'Champ téléphone du client (sélecteur CSS)',
  customerNameSelector: 'Champ nom du client (sélecteur CSS)',
  orderSelector: 'Champ n° de commande (sélecteur CSS)',
  excludeSelector: 'Zones de l’agent ou de l’entreprise à ignorer (sélecteur CSS)',
  orderPattern: 'Format des n° de commande (expression régulière)',
  companyDomains: 'Domaines e-mail de l’entreprise, jamais ceux du client (séparés par des virgules)',
  addRule: 'Enregistrer la règle',
  removeRule: 'Supprimer',
  noRules: 'Aucune règle de site.',
  adapterHealth: 'État des adaptateurs',
  adapterHealthy: 'Chaque adaptateur a trouvé ce qu’il attendait.',
  adapterProblem: (count: number, host: string) => `${count}× sur ${host} ; détection générique utilisée à la place`,
  clearHealth: 'Effacer les alertes',
  siteOn: (host: string) => `Reconnu est activé pour ${host}.`,
  siteOff: (host: string) => `Reconnu est désactivé pour ${host}.`,
  turnOn: 'Activer pour ce site',
  turnOff: 'Désactiver pour ce site',
  justOnce: 'Afficher le panneau sur cette page une fois',
  siteUnavailable: 'Reconnu ne peut pas fonctionner sur cette page.',
  siteBlocked: (host) => `Votre administrateur n’autorise pas Reconnu sur ${host}.`,
  setByAdmin: 'Défini par votre administrateur',
  shortcutHint: 'Afficher/masquer le panneau : raccourci réglable dans les raccourcis d’extensions du navigateur.',
};

export type Locale = 'en' | 'fr';

export function resolveLocale(setting: 'auto' | Locale): Locale {
  if (setting !== 'auto') return setting;
  let language: string;
  try {
    language = browser.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? 'en';
  } catch {
    language = globalThis.navigator?.language ?? 'en'; // no i18n API (tests)
  }
  return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function strings(locale: Locale): Strings {
  return locale === 'fr' ? fr : en;
}

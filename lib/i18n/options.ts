import type { Me } from '../feed/schema';
import type { Locale } from './strings';

// Words of the options page's layout: the first-run connect step, its sections, who you are, and turning a site on.
const en = {
  connectTitle: 'Connect Reconnu',
  connectIntro:
    'Enter the address of your company’s Reconnu hub and the access token you were given, or choose the platform your customers are kept in.',
  connect: 'Connect',
  connection: 'Connection',
  you: 'You and your sync',
  preferences: 'Your preferences',
  administration: 'Administration',
  administrationHint: 'Phone region, retention, policy key, site rules, adapter health and sync issues.',
  signedInAs: 'Signed in as',
  role: 'Role',
  stores: 'Stores',
  noStore: 'none',
  roles: {
    agent: 'Customer service agent',
    store: 'Store staff',
    supervisor: 'Supervisor',
    admin: 'Administrator',
  } satisfies Record<Me['role'], string>,
  unknownUser: 'The source did not say who you are.',
  turnOnTitle: 'Turn Reconnu on for a site',
  turnOnSteps: [
    'Open your helpdesk, CRM or softphone in a tab.',
    'Click the Reconnu icon in the browser’s toolbar (pin it from the extensions menu to keep it in view).',
    'Choose “Turn on for this site”: the customer’s card then appears beside each conversation.',
  ],
  knownProducts: 'Recognized without any setup:',
  otherSites: 'Another site or an in-house CRM: turn it on the same way, then add a site rule in Administration.',
  sitesOn: 'Turned on for:',
  noSiteOn: 'No site is turned on yet.',
  allowedByAdmin: 'Your administrator allows Reconnu on:',
  saveSettings: 'Save settings',
  invalidAdmin: 'Check the retention (0 to 3650 days) and the policy key (4096 characters at most).',
};

type OptionsStrings = typeof en;

const fr: OptionsStrings = {
  connectTitle: 'Connecter Reconnu',
  connectIntro:
    'Saisissez l’adresse du hub Reconnu de votre entreprise et le jeton d’accès qui vous a été remis, ou choisissez la plateforme où sont vos clients.',
  connect: 'Connecter',
  connection: 'Connexion',
  you: 'Vous et votre synchronisation',
  preferences: 'Vos préférences',
  administration: 'Administration',
  administrationHint:
    'Région téléphonique, conservation, clé de politique, règles de sites, état des adaptateurs et problèmes de synchronisation.',
  signedInAs: 'Connecté en tant que',
  role: 'Rôle',
  stores: 'Magasins',
  noStore: 'aucun',
  roles: {
    agent: 'Conseiller service client',
    store: 'Vendeur en magasin',
    supervisor: 'Superviseur',
    admin: 'Administrateur',
  },
  unknownUser: 'La source n’a pas indiqué qui vous êtes.',
  turnOnTitle: 'Activer Reconnu sur un site',
  turnOnSteps: [
    'Ouvrez votre outil de support, votre CRM ou votre softphone dans un onglet.',
    'Cliquez sur l’icône Reconnu dans la barre d’outils du navigateur (épinglez-la depuis le menu des extensions pour la garder visible).',
    'Choisissez « Activer pour ce site » : la fiche du client apparaît alors à côté de chaque conversation.',
  ],
  knownProducts: 'Reconnus sans aucun réglage :',
  otherSites:
    'Un autre site ou un CRM interne : activez-le de la même façon, puis ajoutez une règle de site dans Administration.',
  sitesOn: 'Activé pour :',
  noSiteOn: 'Aucun site n’est encore activé.',
  allowedByAdmin: 'Votre administrateur autorise Reconnu sur :',
  saveSettings: 'Enregistrer les réglages',
  invalidAdmin: 'Vérifiez la conservation (0 à 3650 jours) et la clé de politique (4096 caractères au plus).',
};

export function optionsStrings(locale: Locale): OptionsStrings {
  return locale === 'fr' ? fr : en;
}

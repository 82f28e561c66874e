import type { Locale } from './strings';

// Words of the options page's recognition section.
const en = {
  heading: 'Who is never a customer',
  intro:
    'Reconnu never takes the signed-in person, nor your company, for the customer. Your company’s own email domains and phone numbers, one per line, on top of what your feed says:',
  domains: 'Company email domains',
  phones: 'Company phone numbers',
  adaptersOff:
    'Read every page with generic detection only (a product changed its pages and its adapter misreads them)',
  save: 'Save',
  saved: 'Saved.',
  badDomain: (value: string) => `“${value}” is not a domain (example: maison-lumiere.fr).`,
  badPhone: (value: string) => `“${value}” is not a phone number.`,
  forget: 'Forget what Reconnu learned on sites',
  forgetHelp:
    'Where agents picked or turned down a customer, and the addresses seen on every page of a site (its mailbox, its menu), are remembered in this browser for a while, as unreadable keys.',
  forgotten: 'Forgotten.',
  shared: {
    title: 'Where the customer sits, shared with the team',
    help: 'When an agent picks the customer among several, Reconnu proposes where on that site they found them. Once approved, every agent’s panel prefers that place there.',
    none: 'No place proposed yet.',
    columns: ['Site', 'Place on the page', 'Proposed by', 'Status', ''],
    people: (count: number) => (count === 1 ? '1 person' : `${count} people`),
    status: { pending: 'Waiting', approved: 'Shared', rejected: 'Not shared' },
    approve: 'Share',
    reject: 'Do not share',
  },
};

type RecognitionStrings = typeof en;

const fr: RecognitionStrings = {
  heading: 'Qui n’est jamais un client',
  intro:
    'Reconnu ne prend jamais la personne connectée ni votre entreprise pour le client. Les domaines email et numéros de téléphone de votre entreprise, un par ligne, en plus de ce que dit votre flux :',
  domains: 'Domaines email de l’entreprise',
  phones: 'Numéros de téléphone de l’entreprise',
  adaptersOff:
    'Lire toutes les pages par la détection générique seule (un produit a changé ses pages et son adaptateur les lit mal)',
  save: 'Enregistrer',
  saved: 'Enregistré.',
  badDomain: (value) => `« ${value} » n’est pas un domaine (exemple : maison-lumiere.fr).`,
  badPhone: (value) => `« ${value} » n’est pas un numéro de téléphone.`,
  forget: 'Oublier ce que Reconnu a appris sur les sites',
  forgetHelp:
    'Là où des conseillers ont choisi ou écarté un client, et les adresses vues sur toutes les pages d’un site (sa boîte partagée, son menu), sont retenus un temps dans ce navigateur, sous forme de clés illisibles.',
  forgotten: 'Oublié.',
  shared: {
    title: 'Où se trouve le client, partagé avec l’équipe',
    help: 'Quand un conseiller choisit le client parmi plusieurs, Reconnu propose l’endroit du site où il l’a trouvé. Une fois approuvé, le panneau de chaque conseiller préfère cet endroit sur ce site.',
    none: 'Aucun endroit proposé pour l’instant.',
    columns: ['Site', 'Endroit de la page', 'Proposé par', 'Statut', ''],
    people: (count) => (count === 1 ? '1 personne' : `${count} personnes`),
    status: { pending: 'En attente', approved: 'Partagé', rejected: 'Non partagé' },
    approve: 'Partager',
    reject: 'Ne pas partager',
  },
};

export function recognitionStrings(locale: Locale): RecognitionStrings {
  return locale === 'fr' ? fr : en;
}

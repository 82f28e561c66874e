import type { Locale } from './strings';

// Words of privacy features: contacts and reveal, sign-out, retention, the audit console.
const en = {
  contacts: 'Contact',
  maskedNote: 'Contact details are masked for your role.',
  reveal: 'Reveal contact details',
  reasonLabel: 'Why do you need them? (recorded)',
  revealSubmit: 'Reveal',
  revealed: 'Revealed for this view; your reason was recorded.',
  signOut: 'Sign out',
  signOutHint: 'Removes every customer, index and key from this browser and forgets the access token.',
  signedOut: 'Signed out. Local customer data was wiped.',
  retention: 'Keep customers not refreshed by the feed for (days, 0 = always)',
  audit: 'View audit',
  supervisorConsole: 'Empowerment console',
  auditIntro:
    'Who saw which customer, where, how they found them, and why when a reason was asked; who searched which kind of key.',
  team: 'Team (from the feed)',
  thisDevice: 'This browser',
  chainOk: (count: number) => `Chain intact: ${count} ${count === 1 ? 'entry' : 'entries'} verified.`,
  chainBroken: (seq: number, problem: string) => `Chain broken at entry ${seq}: ${problem}.`,
  exportCsv: 'Export CSV',
  columns: ['When', 'Who', 'Action', 'Customer', 'Where', 'Found by', 'Reason'],
  actions: { view: 'viewed', reveal: 'revealed contacts', search: 'searched' } as Record<string, string>,
  noEntries: 'No entries.',
};

type PrivacyStrings = typeof en;

const fr: PrivacyStrings = {
  contacts: 'Coordonnées',
  maskedNote: 'Les coordonnées sont masquées pour votre rôle.',
  reveal: 'Afficher les coordonnées',
  reasonLabel: 'Pourquoi en avez-vous besoin ? (enregistré)',
  revealSubmit: 'Afficher',
  revealed: 'Affichées pour cette consultation ; votre motif a été enregistré.',
  signOut: 'Se déconnecter',
  signOutHint: 'Efface de ce navigateur tous les clients, index et clés, et oublie le jeton d’accès.',
  signedOut: 'Déconnecté. Les données clients locales ont été effacées.',
  retention: 'Garder les clients non rafraîchis par le flux pendant (jours, 0 = toujours)',
  audit: 'Journal des consultations',
  supervisorConsole: 'Console des gestes',
  auditIntro:
    'Qui a vu quel client, où, comment il l’a trouvé, et pourquoi quand un motif était demandé ; qui a cherché quel type de clé.',
  team: 'Équipe (depuis le flux)',
  thisDevice: 'Ce navigateur',
  chainOk: (count) => `Chaîne intacte : ${count} ${count === 1 ? 'entrée vérifiée' : 'entrées vérifiées'}.`,
  chainBroken: (seq, problem) => `Chaîne rompue à l’entrée ${seq} : ${problem}.`,
  exportCsv: 'Exporter en CSV',
  columns: ['Quand', 'Qui', 'Action', 'Client', 'Où', 'Trouvé par', 'Motif'],
  actions: { view: 'a consulté', reveal: 'a affiché les coordonnées', search: 'a recherché' },
  noEntries: 'Aucune entrée.',
};

export function privacyStrings(locale: Locale): PrivacyStrings {
  return locale === 'fr' ? fr : en;
}

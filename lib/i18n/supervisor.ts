import type { Locale } from './strings';

// Words of the supervisor's empowerment console.
const en = {
  title: 'Empowerment console',
  team: 'Team permissions',
  person: 'Person',
  gesture: 'Gesture',
  all: 'All',
  permissionColumns: [
    'Person',
    'Role',
    'Gesture',
    'At once',
    'Approval up to',
    'Per customer',
    'Per day',
    'Conditions',
    'Rule',
  ],
  checker: 'Can they do it?',
  customerId: 'Customer id',
  size: 'Size (minor units, %, days or 1)',
  check: 'Check',
  decision: { allow: 'Allowed', approval: 'Needs approval', deny: 'Refused' },
  approvals: 'Pending approvals',
  noApprovals: 'No request is waiting.',
  comment: 'Comment',
  approve: 'Approve',
  reject: 'Reject',
  approvalColumns: ['When', 'Who', 'Customer', 'Gesture', 'Size', 'Reason', 'Rule', 'Decision'],
  history: 'Gesture history',
  chart: 'Gestures given per day',
  totals: { agent: 'Totals per agent', customer: 'Totals per customer', day: 'Totals per day' },
  totalColumns: ['Key', 'Gestures', 'Money (minor units)'],
  historyColumns: ['When', 'Who', 'Customer', 'Gesture', 'Size', 'Channel', 'Status', 'Reason'],
  exportCsv: 'Export CSV',
  days: (n: number) => `${n} days`,
};

type SupervisorStrings = typeof en;

const fr: SupervisorStrings = {
  title: 'Console des gestes',
  team: 'Droits de l’équipe',
  person: 'Personne',
  gesture: 'Geste',
  all: 'Tous',
  permissionColumns: [
    'Personne',
    'Rôle',
    'Geste',
    'Par geste',
    'Validation jusqu’à',
    'Par client',
    'Par jour',
    'Conditions',
    'Règle',
  ],
  checker: 'Peut-il le faire ?',
  customerId: 'Identifiant client',
  size: 'Valeur (centimes, %, jours ou 1)',
  check: 'Vérifier',
  decision: { allow: 'Permis', approval: 'Validation nécessaire', deny: 'Refusé' },
  approvals: 'Demandes à valider',
  noApprovals: 'Aucune demande en attente.',
  comment: 'Commentaire',
  approve: 'Valider',
  reject: 'Refuser',
  approvalColumns: ['Quand', 'Qui', 'Client', 'Geste', 'Valeur', 'Motif', 'Règle', 'Décision'],
  history: 'Historique des gestes',
  chart: 'Gestes accordés par jour',
  totals: { agent: 'Totaux par agent', customer: 'Totaux par client', day: 'Totaux par jour' },
  totalColumns: ['Clé', 'Gestes', 'Montant (centimes)'],
  historyColumns: ['Quand', 'Qui', 'Client', 'Geste', 'Valeur', 'Canal', 'Statut', 'Motif'],
  exportCsv: 'Exporter en CSV',
  days: (n) => `${n} jours`,
};

export function supervisorStrings(locale: Locale): SupervisorStrings {
  return locale === 'fr' ? fr : en;
}

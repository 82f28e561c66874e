import type { Gesture } from '../policy/schema';
import type { Locale } from './strings';

// Words of empowerment: the panel's "what I can do" and the supervisor console.
const en = {
  title: 'What I can do for this customer',
  noPolicy: 'No valid empowerment policy is in force: gestures cannot be granted.',
  offline: 'Offline: counted from the last known history and the gestures not sent yet.',
  gestures: {
    goodwill: 'Goodwill credit',
    discount: 'Discount',
    freeShipping: 'Free shipping',
    expressShipping: 'Free express shipping',
    returnExtension: 'Return-window extension',
    replacement: 'Replacement',
    refund: 'Refund',
  } satisfies Record<Gesture, string>,
  upTo: (size: string) => `up to ${size} at once`,
  leftCustomer: (left: string) => `${left} left for this customer`,
  leftToday: (left: string) => `${left} left for you today`,
  times: (n: number) => `${n} ${n === 1 ? 'time' : 'times'}`,
  approvalOnly: 'limit reached: approval needed',
  allowed: 'Gestures I may grant',
  none: 'No gesture is allowed for this customer.',
  gesture: 'Gesture',
  amount: (unit: string) => `Amount (${unit})`,
  percent: 'Percent',
  days: 'Days',
  reason: 'Reason (recorded)',
  grant: 'Grant',
  granted: (rule: string) => `Granted. ${rule}`,
  sentForApproval: (rule: string) => `Sent for approval. ${rule}`,
  history: 'Already given to this customer',
  status: { granted: 'granted', pending: 'waiting for approval', approved: 'approved', rejected: 'rejected' },
  unsent: 'not sent yet',
  columns: ['When', 'Gesture', 'Size', 'Who', 'Channel', 'Status'],
};

type EmpowermentStrings = typeof en;

const fr: EmpowermentStrings = {
  title: 'Ce que je peux faire pour ce client',
  noPolicy: 'Aucune politique de gestes valide n’est en vigueur : aucun geste ne peut être accordé.',
  offline: 'Hors ligne : calculé sur le dernier historique connu et les gestes pas encore envoyés.',
  gestures: {
    goodwill: 'Geste commercial',
    discount: 'Remise',
    freeShipping: 'Livraison offerte',
    expressShipping: 'Livraison express offerte',
    returnExtension: 'Délai de retour prolongé',
    replacement: 'Remplacement',
    refund: 'Remboursement',
  },
  upTo: (size) => `jusqu’à ${size} par geste`,
  leftCustomer: (left) => `reste ${left} pour ce client`,
  leftToday: (left) => `reste ${left} pour vous aujourd’hui`,
  times: (n) => `${n} fois`,
  approvalOnly: 'limite atteinte : validation nécessaire',
  allowed: 'Gestes que je peux accorder',
  none: 'Aucun geste n’est permis pour ce client.',
  gesture: 'Geste',
  amount: (unit) => `Montant (${unit})`,
  percent: 'Pourcentage',
  days: 'Jours',
  reason: 'Motif (enregistré)',
  grant: 'Accorder',
  granted: (rule) => `Accordé. ${rule}`,
  sentForApproval: (rule) => `Envoyé pour validation. ${rule}`,
  history: 'Déjà accordé à ce client',
  status: { granted: 'accordé', pending: 'en attente de validation', approved: 'validé', rejected: 'refusé' },
  unsent: 'pas encore envoyé',
  columns: ['Quand', 'Geste', 'Valeur', 'Qui', 'Canal', 'Statut'],
};

export function empowermentStrings(locale: Locale): EmpowermentStrings {
  return locale === 'fr' ? fr : en;
}

import type { OwnPage, PageKind } from '../audit/place';
import type { Locale } from './strings';

// Words of the audit view's "where": the product and its page, or Reconnu's own pages.
const en = {
  pages: {
    ticket: 'ticket',
    conversation: 'conversation',
    contact: 'contact',
    case: 'case',
    lead: 'lead',
    call: 'call',
    message: 'message',
  } satisfies Record<PageKind, string>,
  own: {
    'side panel': 'Reconnu side panel',
    popup: 'Reconnu popup',
    panel: 'Reconnu panel',
    supervisor: 'Empowerment console',
    audit: 'View audit',
    options: 'Reconnu options',
  } satisfies Record<OwnPage, string>,
  productPage: (product: string, page: string, ref?: string) => `${product} ${page}${ref ? ` ${ref}` : ''}`,
};

type AuditViewStrings = typeof en;

const fr: AuditViewStrings = {
  pages: {
    ticket: 'ticket',
    conversation: 'conversation',
    contact: 'contact',
    case: 'requête',
    lead: 'piste',
    call: 'appel',
    message: 'message',
  },
  own: {
    'side panel': 'Panneau latéral Reconnu',
    popup: 'Fenêtre Reconnu',
    panel: 'Panneau Reconnu',
    supervisor: 'Console des gestes',
    audit: 'Journal des consultations',
    options: 'Options de Reconnu',
  },
  // "ticket Zendesk 4821": the kind of page first, as French says it.
  productPage: (product, page, ref) => `${page} ${product}${ref ? ` ${ref}` : ''}`,
};

export function auditViewStrings(locale: Locale): AuditViewStrings {
  return locale === 'fr' ? fr : en;
}

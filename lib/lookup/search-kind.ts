import { type IdentifierKind, lookupKey } from '../store';

/** The kind of key a search was for: what the audit records of it, never the key itself. */
export type SearchKind =
  | 'name'
  | 'email'
  | 'partial email'
  | 'phone'
  | 'partial phone'
  | 'card or order'
  | IdentifierKind;

/** A phone number is written with digits, spaces and these marks only. */
export const PHONE_SHAPED = /^[\d\s+().\-/]+$/;

/**
 * What a query looks like before anything is found: an email (whole or its beginning), a phone number (whole or
 * some of its digits), a card or order number, or a name. The search refines it by the exact key that matched.
 */
export function queryShape(text: string): SearchKind {
  if (text.includes('@')) return lookupKey('email', text) ? 'email' : 'partial email';
  if (/\d/.test(text)) {
    if (!PHONE_SHAPED.test(text)) return 'card or order';
    return lookupKey('phone', text) ? 'phone' : 'partial phone';
  }
  // "claire.mar": a mailbox's beginning; names hold letters, spaces, hyphens and apostrophes only.
  return /^[\p{L}._%+-]+$/u.test(text) && /[._%+]/.test(text) ? 'partial email' : 'name';
}

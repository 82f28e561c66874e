// Normalized forms used as lookup keys (phones: see ./phone.ts).

/** C0/C1 controls and invisible format characters (zero-width, bidi overrides): never part of an identifier. */
export const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}]/u;

/**
 * An email with a zero-width or bidi character in it is not an email: it may look exactly like a customer's
 * ("claire@exam\u200bple.com"), so it is neither indexed nor looked up, rather than cleaned into a match.
 */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (HIDDEN_CHARACTERS.test(email)) return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

export function normalizeCard(raw: string): string | null {
  const card = raw.replace(/[\s-]/g, '');
  return card.length >= 4 && !HIDDEN_CHARACTERS.test(card) ? card.toUpperCase() : null;
}

export function normalizeOrderNumber(raw: string): string | null {
  const number = raw.trim().replace(/^#/, '').toUpperCase();
  return number.length >= 3 && !HIDDEN_CHARACTERS.test(number) ? number : null;
}

// Normalized forms used as lookup keys. Phone handling is deliberately simple here;
// the caller-recognition work replaces normalizePhone with libphonenumber-js (E.164).

export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/** French-default E.164 approximation: "06 12 34 56 78", "+33 (0)6…", "0033 6…" → "+33612345678". */
export function normalizePhone(raw: string, defaultCountryCode = '33'): string | null {
  let text = raw.replace(/\(0\)/g, '').replace(/(?:poste|ext\.?|x|;ext=)\s*\d+\s*$/i, '');
  text = text.replace(/[^\d+]/g, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (!text.startsWith('+')) {
    if (!text.startsWith('0') || text.length !== 10) return null;
    text = `+${defaultCountryCode}${text.slice(1)}`;
  }
  const digits = text.slice(1);
  return /^\d{8,15}$/.test(digits) ? `+${digits}` : null;
}

export function normalizeCard(raw: string): string | null {
  const card = raw.replace(/[\s-]/g, '');
  return card.length >= 4 ? card.toUpperCase() : null;
}

export function normalizeOrderNumber(raw: string): string | null {
  const number = raw.trim().replace(/^#/, '').toUpperCase();
  return number.length >= 3 ? number : null;
}

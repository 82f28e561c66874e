// Normalized forms used as lookup keys (phones: see ./phone.ts).

export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

export function normalizeCard(raw: string): string | null {
  const card = raw.replace(/[\s-]/g, '');
  return card.length >= 4 ? card.toUpperCase() : null;
}

export function normalizeOrderNumber(raw: string): string | null {
  const number = raw.trim().replace(/^#/, '').toUpperCase();
  return number.length >= 3 ? number : null;
}

// How customer text is shown: as text (React never parses it as markup), in its logical order, with nothing invisible.

/** Bidi embeddings, overrides, isolates and marks: they would reorder the text, and the labels around it. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * Other control and invisible format characters (zero-width space, word joiner, BOM, soft hyphen…), except the
 * zero-width joiner and non-joiner that Persian or Indic names and emoji need, and line breaks and tabs.
 */
const INVISIBLE = /(?!\u200c|\u200d|\n|\t)[\p{Cc}\p{Cf}]/gu;
export const INVISIBLE_MARK = '\ufffd';

/**
 * "\u202egnp.exe" → "gnp.exe" (the order in which it is stored, which is what matches), "cla\u200bire" → "cla�ire":
 * a name or identifier can neither reorder what surrounds it nor hide a character that makes it another one.
 */
export function visibleText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(INVISIBLE, INVISIBLE_MARK);
}

/** Every string of a parsed record, keys included, made visible; the shape is kept. */
export function visibleStrings<T>(value: T): T {
  if (typeof value === 'string') return visibleText(value) as T;
  if (Array.isArray(value)) return value.map(visibleStrings) as T;
  if (value && typeof value === 'object') {
    // Object.fromEntries defines own properties: a "__proto__" key stays a key and never becomes a prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [visibleText(key), visibleStrings(inner)]),
    ) as T;
  }
  return value;
}

// Name matching that forgives what people type at a counter: accents, case, and small spelling mistakes.

/** "Lefèvre-Dupré" → ["lefevre", "dupre"]: accents folded, lower case, split on anything that is not a letter or digit. */
export function nameTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length >= 2);
}

/**
 * A sound key, French-minded: "claire", "clere" and "cler" all give "klr"; "lefebvre" and "lefevre" differ. Spelling
 * variants map together (ph→f, qu→k, c before e/i/y→s, other c→k, gu→g, y→i, z→s, w→v), silent h goes, vowels after
 * the first letter and doubled letters drop.
 */
export function soundKey(token: string): string {
  let text = token
    .replace(/ph/g, 'f')
    .replace(/qu/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ck|c|q/g, 'k')
    .replace(/gu(?=[eiy])/g, 'g')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/y/g, 'i')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/h/g, '');
  text = text.replace(/(?<=.)(?:e?s|e|t|x|d)$/, ''); // silent endings: Dupont, Dubois, Leroux, Bernard
  const first = text[0] ?? '';
  const rest = text.slice(1).replace(/[aeiou]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/** Damerau–Levenshtein distance (adjacent swaps count as one), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

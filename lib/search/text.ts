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

/** The distinct name tokens of a customer: given, family and preferred names. */
export function customerNameTokens(customer: {
  name?: { given: string; family: string; preferred?: string };
}): string[] {
  const name = customer.name;
  return [...new Set(nameTokens([name?.given, name?.family, name?.preferred].filter(Boolean).join(' ')))];
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

/** Damerau–Levenshtein distance (adjacent swaps count as one), giving up past `max`: three rolling rows, no matrix. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let above = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] as number) + 1);
      row[j] = best;
      smallest = Math.min(smallest, best);
    }
    if (smallest > max) return max + 1;
    [before, above, row] = [above, row, before];
  }
  return above[b.length] as number;
}

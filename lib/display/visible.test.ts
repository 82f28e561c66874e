import { describe, expect, it } from 'vitest';
import { INVISIBLE_MARK, visibleStrings, visibleText } from './visible';

describe('visible text', () => {
  it('drops bidi overrides and isolates, so text shows in the order it is stored', () => {
    expect(visibleText('\u202enitraM eterialC')).toBe('nitraM eterialC');
    expect(visibleText('Gold\u2067 · 12 points')).toBe('Gold · 12 points');
  });

  it('shows zero-width and control characters instead of hiding them', () => {
    expect(visibleText('cla\u200bire@example.fr')).toBe(`cla${INVISIBLE_MARK}ire@example.fr`);
    expect(visibleText('a\u0000b\ufeffc\u2060d')).toBe(`a${INVISIBLE_MARK}b${INVISIBLE_MARK}c${INVISIBLE_MARK}d`);
  });

  it('keeps what real names and notes need: joiners, line breaks, right-to-left letters, markup as plain text', () => {
    expect(visibleText('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(visibleText('line 1\nline 2')).toBe('line 1\nline 2');
    expect(visibleText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('maps every string of a record, keys included, without touching the prototype', () => {
    const record = JSON.parse(
      '{"name":{"given":"A\\u200b"},"sizes":{"__proto__":{"polluted":1},"top\\u202e":"M"},"n":3}',
    );
    const shown = visibleStrings(record);
    expect(shown.name.given).toBe(`A${INVISIBLE_MARK}`);
    expect(shown.sizes.top).toBe('M');
    expect(Object.hasOwn(shown.sizes, '__proto__')).toBe(true);
    expect(shown.n).toBe(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { editDistance, nameTokens, soundKey } from './text';

describe('name matching helpers', () => {
  it('folds accents, case and punctuation into tokens', () => {
    expect(nameTokens('Élodie LEFÈVRE-Dupré')).toEqual(['elodie', 'lefevre', 'dupre']);
    expect(nameTokens("Chloé O'Neil")).toEqual(['chloe', 'neil']);
  });

  it('gives the same sound key to spelling variants', () => {
    expect(soundKey('cler')).toBe(soundKey('claire'));
    expect(soundKey('filipe')).toBe(soundKey('philippe'));
    expect(soundKey('dupond')).toBe(soundKey('dupont'));
    expect(soundKey('bernar')).toBe(soundKey('bernard'));
    expect(soundKey('martin')).not.toBe(soundKey('morin'));
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('martin', 'matrin')).toBe(1);
    expect(editDistance('lefevre', 'lefebvre')).toBe(1);
    expect(editDistance('claire', 'cler')).toBe(3);
    expect(editDistance('a', 'abcdefgh')).toBe(4);
  });
});

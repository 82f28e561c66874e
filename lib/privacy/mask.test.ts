import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from './mask';

describe('maskPhone', () => {
  it.each([
    ['06 12 34 56 78', '+33 6 •• •• •• 78'],
    ['+33 1 42 68 53 00', '+33 1 •• •• •• 00'],
    ['+44 20 7946 0958', '+44 2 •• •• •• • 58'],
    ['+1 (415) 555-0132', '+1 4 •• •• •• • 32'],
  ])('%s → %s', (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked);
  });

  it('keeps only the last two digits of a number that does not parse', () => {
    expect(maskPhone('12-34')).toBe('•• 34');
  });

  it('never contains the hidden digits', () => {
    expect(maskPhone('+33 6 12 34 56 78')).not.toMatch(/1234|3456|12 34/);
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('claire.dupont@example.org')).toBe('c•••@example.org');
    expect(maskEmail('élodie@exemple.fr')).toBe('é•••@exemple.fr');
  });

  it('hides everything of something that is not an email', () => {
    expect(maskEmail('not-an-email')).toBe('•••');
  });
});

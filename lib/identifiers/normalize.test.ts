import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeOrderNumber, normalizePhone } from './normalize';

describe('normalizePhone', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['+32 470 12 34 56', '+32470123456'],
    ['01 23 45 67 89 poste 12', '+33123456789'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('refuses what is not a phone number', () => {
    expect(normalizePhone('12 34')).toBeNull();
    expect(normalizePhone('abc')).toBeNull();
  });
});

describe('other identifiers', () => {
  it('lower-cases emails and rejects malformed ones', () => {
    expect(normalizeEmail(' Claire.Martin@Example.FR ')).toBe('claire.martin@example.fr');
    expect(normalizeEmail('not-an-email')).toBeNull();
  });
  it('upper-cases order numbers and drops a leading #', () => {
    expect(normalizeOrderNumber('#fr-1001')).toBe('FR-1001');
  });
});

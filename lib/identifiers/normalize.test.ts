import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeOrderNumber } from './normalize';

describe('other identifiers', () => {
  it('lower-cases emails and rejects malformed ones', () => {
    expect(normalizeEmail(' Claire.Martin@Example.FR ')).toBe('claire.martin@example.fr');
    expect(normalizeEmail('not-an-email')).toBeNull();
  });
  it('upper-cases order numbers and drops a leading #', () => {
    expect(normalizeOrderNumber('#fr-1001')).toBe('FR-1001');
  });
});

import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneExtension } from './phone';

describe('normalizePhone (libphonenumber-js, France by default)', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['06/12/34/56/78', '+33612345678'],
    ['06\u00a012\u00a034\u00a056\u00a078', '+33612345678'],
    ['(06) 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+33 (0) 6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['tel:+33612345678', '+33612345678'],
    ['01 84 60 12 00 poste 12', '+33184601200'],
    ['01 84 60 12 00 ext. 12', '+33184601200'],
    ['+33 1 84 60 12 00 x12', '+33184601200'],
    ['+33184601200;ext=12', '+33184601200'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0041 44 668 18 00', '+41446681800'],
    ['+352 621 123 456', '+352621123456'],
    ['+44 (0)20 7946 0018', '+442079460018'],
    ['+49 151 23456789', '+4915123456789'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['07-20-18-12-52 (Mobile)', null],
    ['07 73 18 12 52 (Mobile)', '+33773181252'],
    ['06 12 34 56 78 (domicile)', '+33612345678'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('reads national numbers in the region given', () => {
    expect(normalizePhone('0470 12 34 56', 'BE')).toBe('+32470123456');
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhone('020 7946 0018', 'GB')).toBe('+442079460018');
  });

  it('refuses typos, partial numbers, impossible numbers and junk rather than guess', () => {
    for (const raw of [
      '06 12 34 56 7',
      '06 12 34 56 789',
      '5678',
      '12 34',
      'abc',
      '06 12 34 AB 78',
      '00 00 00 00 00',
      '',
    ]) {
      expect(normalizePhone(raw), raw).toBeNull();
    }
    expect(normalizePhone('(415) 555-2671')).toBeNull(); // a US number without +1 is not a French number
  });
});

describe('phoneExtension', () => {
  it('reads the desk of a switchboard number, in the ways people write it', () => {
    expect(phoneExtension('01 84 60 12 00 poste 245')).toBe('245');
    expect(phoneExtension('+33 1 84 60 12 00 ext. 12')).toBe('12');
    expect(phoneExtension('+33184601200;ext=12')).toBe('12');
    expect(phoneExtension('+1 (212) 867-4102 x15')).toBe('15');
    expect(phoneExtension('06 12 34 56 78 (Mobile)')).toBeUndefined();
    expect(phoneExtension('06 12 34 56 78')).toBeUndefined();
  });
});

import type { CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { plausibleGrouping } from './phone-grouping';

const plausible: [string, CountryCode][] = [
  ['06 12 34 56 78', 'FR'],
  ['06.12.34.56.78', 'FR'],
  ['06-12-34-56-78', 'FR'],
  ['0612345678', 'FR'],
  ['+33 6 12 34 56 78', 'FR'],
  ['+33 (0)6 12 34 56 78', 'FR'],
  ['(+33) 6 12 34 56 78', 'FR'],
  ['0033 6 12 34 56 78', 'FR'],
  ['+33 612345678', 'FR'],
  ['+33612345678', 'FR'],
  ['(06) 12 34 56 78', 'FR'],
  ['01 84 60 12 00 poste 245', 'FR'],
  ['0470 12 34 56', 'BE'],
  ['0470/12.34.56', 'BE'],
  ['0470 123 456', 'BE'],
  ['+32 470 12 34 56', 'FR'],
  ['020 7946 0958', 'GB'],
  ['+44 20 7946 0958', 'FR'],
  ['+44 (0)20 7946 0958', 'FR'],
  ['+1 (415) 555-0134', 'FR'],
  ['(415) 555-0134', 'US'],
  ['415.555.0134', 'US'],
  ['+49 30 1234567', 'FR'],
  ['030 123 45 67', 'DE'],
  ['0151 12345678', 'DE'],
  ['0151 1234 5678', 'DE'],
  ['+49 (0) 30 1234567', 'FR'],
  ['06 12345678', 'NL'],
  ['333 123 4567', 'IT'],
  ['612 34 56 78', 'ES'],
  ['612 345 678', 'ES'],
  ['079 123 45 67', 'CH'],
  ['+352 621 123 456', 'FR'],
  ['+800 1234 5678', 'FR'], // non-geographic: no country formats to judge by
  ['not a number', 'FR'],
];

const implausible: [string, CountryCode][] = [
  ['0612 3456 78', 'FR'],
  ['061 234 5678', 'FR'],
  ['06123 45678', 'FR'],
  ['+33 61 23 45 67 8', 'FR'],
  ['+33 612 345 678', 'FR'],
  ['047 01 23 456', 'BE'],
  ['0207 946 0958', 'GB'],
  ['+1 41 5555 0134', 'FR'],
  ['3331 234 567', 'IT'],
];

describe('plausibleGrouping', () => {
  it.each(plausible)('accepts %s (%s)', (raw, region) => {
    expect(plausibleGrouping(raw, region)).toBe(true);
  });

  it.each(implausible)('refuses %s (%s)', (raw, region) => {
    expect(plausibleGrouping(raw, region)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { sizeText } from './size-text';
import { amountText, parseAmount, parseSize } from './sizes';

describe('sizes typed in their unit', () => {
  it('reads money in the currency, as English and French people write it', () => {
    expect(parseAmount('45', 'EUR')).toBe(4500);
    expect(parseAmount('45.00', 'EUR')).toBe(4500);
    expect(parseAmount('45,5', 'EUR')).toBe(4550);
    expect(parseAmount('€45.00', 'EUR')).toBe(4500);
    expect(parseAmount('45,00 €', 'EUR')).toBe(4500);
    expect(parseAmount('1 234,50', 'EUR')).toBe(123450);
    expect(parseAmount('1\u202f234,50\u00a0€', 'EUR')).toBe(123450);
    expect(parseAmount('1,234.50', 'EUR')).toBe(123450);
    expect(parseAmount('1.234.567', 'EUR')).toBe(123456700);
    expect(parseAmount('500', 'JPY')).toBe(500);
    expect(parseAmount('1.250', 'BHD')).toBe(1250);
  });

  it('refuses what is not a positive amount of the currency', () => {
    for (const text of ['', 'abc', '0', '0,00', '-5', '45.123', '1,234', '4..5x', '12.5.5', '1.2,50'])
      expect(parseAmount(text, 'EUR'), text).toBeNull();
    expect(parseAmount('45.5', 'JPY')).toBeNull();
  });

  it('reads percentages and days as whole numbers, and a count as one', () => {
    expect(parseSize({ gesture: 'discount', text: '10 %', currency: 'EUR' })).toBe(10);
    expect(parseSize({ gesture: 'returnExtension', text: '30 days', currency: 'EUR' })).toBe(30);
    expect(parseSize({ gesture: 'returnExtension', text: '30 jours', currency: 'EUR' })).toBe(30);
    expect(parseSize({ gesture: 'discount', text: '10.5', currency: 'EUR' })).toBeNull();
    expect(parseSize({ gesture: 'discount', text: '0', currency: 'EUR' })).toBeNull();
    expect(parseSize({ gesture: 'freeShipping', text: '', currency: 'EUR' })).toBe(1);
    expect(parseSize({ gesture: 'goodwill', text: '45', currency: 'EUR' })).toBe(4500);
  });

  it('shows minor units back as an amount to edit', () => {
    expect(amountText(4550, 'EUR')).toBe('45.50');
    expect(amountText(500, 'JPY')).toBe('500');
  });
});

describe('sizes shown in their unit', () => {
  it('writes money in the locale, percentages and days with their unit', () => {
    const claire = { currency: 'EUR', locale: 'en' } as const;
    expect(sizeText({ ...claire, gesture: 'goodwill', size: 4500 })).toBe('€45.00');
    expect(sizeText({ ...claire, gesture: 'goodwill', size: 4500, locale: 'fr' })).toBe('45,00\u00a0€');
    expect(sizeText({ ...claire, gesture: 'discount', size: 10 })).toBe('10 %');
    expect(sizeText({ ...claire, gesture: 'returnExtension', size: 30 })).toBe('30 days');
    expect(sizeText({ ...claire, gesture: 'returnExtension', size: 30, locale: 'fr' })).toBe('30 jours');
    expect(sizeText({ ...claire, gesture: 'freeShipping', size: 1 })).toBe('');
  });
});

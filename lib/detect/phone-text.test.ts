import { describe, expect, it } from 'vitest';
import { MAYBE_PHONE, phonesInText } from './phone-text';

const raws = (text: string) => phonesInText(text).map((phone) => phone.raw);

// [text, the phone as written in it]
const phones: [string, string][] = [
  ['0612345678', '0612345678'],
  ['06 12 34 56 78', '06 12 34 56 78'],
  ['06.12.34.56.78', '06.12.34.56.78'],
  ['06-12-34-56-78', '06-12-34-56-78'],
  ['06/12/34/56/78', '06/12/34/56/78'],
  ['Tél. : (+33) 6 12 34 56 78', '(+33) 6 12 34 56 78'],
  ['+33 (0)6 12 34 56 78', '+33 (0)6 12 34 56 78'],
  ['0033 6 12 34 56 78', '0033 6 12 34 56 78'],
  ['+33 6 12 34 56 78', '+33 6 12 34 56 78'],
  ['+33612345678', '+33612345678'],
  ['+33 612345678', '+33 612345678'],
  ['+33 612 345 678', '+33 612 345 678'],
  ['(06) 45 67 89 10', '(06) 45 67 89 10'],
  ['(0)6 12 34 56 78', '(0)6 12 34 56 78'],
  ['+44 (0)20 7946 0958', '+44 (0)20 7946 0958'],
  ['020 7946 0958', '020 7946 0958'],
  ['061 234 5678', '061 234 5678'], // Dutch-style 3-3-4: the background check refuses it for France
  ['+1 (415) 555-0134', '+1 (415) 555-0134'],
  ['+1 415 555 0134', '+1 415 555 0134'],
  ['(415) 555-0134', '(415) 555-0134'],
  ['+32 470 12 34 56', '+32 470 12 34 56'],
  ['0470 12 34 56', '0470 12 34 56'],
  ['0470/12.34.56', '0470/12.34.56'],
  ['0470 123 456', '0470 123 456'],
  ['02 512 34 56', '02 512 34 56'],
  ['+49 30 1234567', '+49 30 1234567'],
  ['+49 (0) 30 1234567', '+49 (0) 30 1234567'],
  ['030 1234567', '030 1234567'],
  ['030/123 45 67', '030/123 45 67'],
  ['0151 12345678', '0151 12345678'],
  ['0151 1234 5678', '0151 1234 5678'],
  ['06 12345678', '06 12345678'],
  ['079 123 45 67', '079 123 45 67'],
  ['+41 79 123 45 67', '+41 79 123 45 67'],
  ['+39 333 123 4567', '+39 333 123 4567'],
  ['+34 612 34 56 78', '+34 612 34 56 78'],
  ['+352 621 123 456', '+352 621 123 456'],
  ['0044 20 7946 0958', '0044 20 7946 0958'],
  ['+33 (0) 1 84 60 12 00', '+33 (0) 1 84 60 12 00'],
  ['+31 6 12345678', '+31 6 12345678'],
  ['+43 664 1234567', '+43 664 1234567'],
  ['0664 1234567', '0664 1234567'],
  ['+48 512 345 678', '+48 512 345 678'],
  ['+351 912 345 678', '+351 912 345 678'],
  ['+45 12 34 56 78', '+45 12 34 56 78'],
  ['07700 900123', '07700 900123'],
  ['+44 7700 900123', '+44 7700 900123'],
  ['Appelez-moi au 06 12 34 56 78 svp', '06 12 34 56 78'],
  ['Tel: 01 84 60 12 00 poste 245', '01 84 60 12 00'],
  ['Phone number: +33 6 12 34 56 78', '+33 6 12 34 56 78'],
  ['N° de téléphone : 06 12 34 56 78', '06 12 34 56 78'],
  ['Telefonnummer: 030 1234567', '030 1234567'],
  ['Client : Mme Durand, 06 12 34 56 78', '06 12 34 56 78'],
  ['Commande passée par téléphone au 06 12 34 56 78', '06 12 34 56 78'],
  ['Passez commande au 06 12 34 56 78', '06 12 34 56 78'],
  ['Mobile\u00a0: 06\u00a012\u00a034\u00a056\u00a078', '06\u00a012\u00a034\u00a056\u00a078'],
  ['(06 12 34 56 78)', '06 12 34 56 78'],
  ['Rappeler le 06 12 34 56 78.', '06 12 34 56 78'],
  ['Total : 12,50 06 12 34 56 78', '06 12 34 56 78'],
  ['le 06/11/2026 06 12 34 56 78', '06 12 34 56 78'],
  ['06 12 34 56 78 75011 Paris', '06 12 34 56 78'],
  ['06 12 34 56 78 2026', '06 12 34 56 78'],
];

// Texts that hold no phone at all.
const notPhones: string[] = [
  'Réf. 06 12 34 56 78',
  'Réf : 0612345678',
  'Référence 06 12 34 56 78',
  'Commande n° 0612345678',
  'N° de commande : 06 12 34 56 78',
  'Numéro de commande client : 0612345678',
  'Order #0612345678',
  'Order no. 06 12 34 56 78',
  'Bestellung Nr. 0612345678',
  'Bestellnummer: 0612345678',
  'Pedido nº 0612345678',
  'Ordine n. 0612345678',
  'Facture 0612345678',
  'Invoice: 06 12 34 56 78',
  'Rechnung 0612345678',
  'Suivi colis : 6A12345678901',
  'Suivi : 0612345678',
  'Tracking: 00340434161094042557',
  'Colis 0612345678',
  'Sendungsnummer 0612345678',
  'SIRET 732 829 320 00074',
  'SIREN 732 829 320',
  'TVA FR 40 303 265 045',
  'TVA : FR40303265045',
  'VAT 0612345678',
  'USt-IdNr.: DE 0612345678',
  'IBAN FR76 3000 6000 0112 3456 7890 189',
  'FR76 3000 6000 0112 3456 7890 189',
  'DE89 3704 0044 0532 0130 00',
  'BIC 0612345678',
  'EAN 3 017620 422003',
  'EAN 0612345678',
  'GTIN: 03017620422003',
  'ISBN 0 306 40615 2',
  'SKU 0612345678',
  'Art. 0612345678',
  'Article 06 12 34 56 78',
  'Artikelnummer 0612345678',
  'Customer number: 0612345678',
  'Customer ID 0612345678',
  'N° client : 06 12 34 56 78',
  'Numéro client 0612345678',
  'Kundennummer: 0612345678',
  'Kunden-Nr. 0612345678',
  'Kd. Nr. 0612345678 ist kein Telefon, Kunden Nr. 0612345678 auch nicht',
  'le 06/11/2026 à 14:30',
  '2026-11-26',
  '26.11.2026 14h30',
  '26/11/2026',
  'Total : 1 234,56 €',
  '€ 1 234 567',
  '1 234 567,89 EUR',
  'CHF 1234567890',
  '0612345678,00',
  '1.234.567,89',
  '75011 Paris',
  '1000 Bruxelles',
  '0612 3456 78',
  '06 123 456 78',
  '0612 345 67 8',
  '06 12 34 56 78 12',
  '06 12 34 56 7',
  '612345678',
  '6 12 34 56 78',
  '33612345678',
  '(33) 6 12 34 56 78',
  '123 456 789',
  '1234567890',
  'A0612345678',
  '0612345678B',
  'x06 12 34 56 78',
  'version 0612345678901234',
  '0 6 12 34 56 78',
];

describe('phonesInText', () => {
  it.each(phones)('finds the phone in %j', (text, phone) => {
    expect(raws(text)).toEqual([phone]);
  });

  it.each(notPhones.map((text) => [text]))('finds no phone in %j', (text) => {
    expect(raws(text)).toEqual([]);
  });

  it('gives each phone as written, with where it starts, and keeps two phones side by side apart', () => {
    const text = 'Claire : 06 12 34 56 78 / +32 470 12 34 56, bureau 01 84 60 12 00.';
    expect(phonesInText(text)).toEqual([
      { raw: '06 12 34 56 78', index: 9 },
      { raw: '+32 470 12 34 56', index: 26 },
      { raw: '01 84 60 12 00', index: 51 },
    ]);
  });

  it('finds a phone and a fax on one line', () => {
    expect(raws('Tél : 06 12 34 56 78 – Fax : 01 23 45 67 89')).toEqual(['06 12 34 56 78', '01 23 45 67 89']);
  });

  it('reads the phone and leaves the references out of one message', () => {
    const text =
      'Bonjour, commande n° 0698765432 du 26/11/2026 (total 1 234,56 €), suivi colis 0612345678. ' +
      'Vous pouvez me joindre au 07 11 22 33 44 ou au +33 (0)1 84 60 12 00. IBAN FR76 3000 6000 0112 3456 7890 189.';
    expect(raws(text)).toEqual(['07 11 22 33 44', '+33 (0)1 84 60 12 00']);
  });

  it('finds the same phones on every call (the shared pattern keeps no state between texts)', () => {
    expect(raws('06 12 34 56 78 puis 07 11 22 33 44')).toEqual(['06 12 34 56 78', '07 11 22 33 44']);
    expect(raws('06 12 34 56 78')).toEqual(['06 12 34 56 78']);
  });

  it('does not run a phone into the next line', () => {
    expect(raws('06 12 34 56 78\n75011 Paris')).toEqual(['06 12 34 56 78']);
    expect(raws('Tél. 06 12 34\n56 78')).toEqual([]);
  });
});

describe('MAYBE_PHONE', () => {
  it('lets through every text with a phone, and skips the text of most nodes cheaply', () => {
    for (const [text] of phones) expect(MAYBE_PHONE.test(text), text).toBe(true);
    expect(MAYBE_PHONE.test('Livré le 26/11 à Paris')).toBe(false);
    expect(MAYBE_PHONE.test('Total 129,90 €')).toBe(false);
  });
});

// Deterministic demo people for the Vendure test server: the same seed always gives the same customers, so tests
// and benches can name them. European names with accents, phones in the many formats staff and customers type.

/** mulberry32: small, fast, good enough to pick demo data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
export const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

const GIVEN = [
  'Élise',
  'Chloé',
  'Léa',
  'Zoé',
  'Inès',
  'Anaïs',
  'Hélène',
  'Gaëlle',
  'Maëlle',
  'Noémie',
  'Agnès',
  'Björn',
  'Søren',
  'François',
  'Jérôme',
  'Théo',
  'Raphaël',
  'Noël',
  'Loïc',
  'Benoît',
  'Gaël',
  'Joël',
  'José',
  'Núria',
  'Jürgen',
  'Małgorzata',
  'Łukasz',
  'Zoë',
  'Ines',
  'Camille',
  'Mathieu',
  'Sophie',
  'Lucas',
  'Manon',
  'Hugo',
  'Amélie',
] as const;
const FAMILY = [
  'Lefèvre',
  'Dubois',
  'Moreau',
  'Lambert',
  'Girard',
  'Bonnet',
  'Dupré',
  'Fournier',
  'Rousseau',
  'Mercier',
  'Faure',
  'Gauthier',
  'Perrin',
  'Chevalier',
  'Leroy',
  'Müller',
  'Schröder',
  'Nuñez',
  'García',
  'Ibáñez',
  "D'Angelo",
  'Le Goff',
  'Gómez',
  'Østergaard',
  'Wiśniewski',
  'Kowalczyk',
  'Ferreira',
  'Conceição',
  'Da Silva',
  'Van der Berg',
  'Caron',
  'Béranger',
  'Lemaître',
  'Gérard',
  'Marchand',
  'Benoît',
] as const;
const CITIES = [
  ['FR', 'Paris', '75011'],
  ['FR', 'Lyon', '69002'],
  ['FR', 'Marseille', '13006'],
  ['FR', 'Nantes', '44000'],
  ['FR', 'Lille', '59800'],
  ['BE', 'Bruxelles', '1000'],
  ['BE', 'Liège', '4000'],
  ['CH', 'Genève', '1204'],
  ['DE', 'München', '80331'],
  ['ES', 'Málaga', '29001'],
] as const;
const STREETS = ['rue de la Paix', 'avenue Jean-Jaurès', 'boulevard Saint-Michel', 'rue des Écoles', 'place Bellecour'];
const BRANDS = ['Armor-Lux', 'Saint James', 'Aigle', 'Petit Bateau', 'Veja', 'Le Slip Français', 'Sézane', 'Maje'];
const CATEGORIES = ['Chemises', 'Pulls', 'Chaussures', 'Vestes', 'Accessoires', 'Robes', 'Pantalons'];
const TIERS = ['Bronze', 'Argent', 'Or', 'Platine'];
const NOTES = [
  'Préfère être appelée le matin.',
  'Allergique à la laine : proposer du coton.',
  'Cliente fidèle depuis l’ouverture de la boutique de Lyon.',
  'Demande toujours un emballage cadeau.',
  '',
];

/** A mobile number written one of the ways people write it; `digits` (8) make it unique. */
function formatPhone(random: Random, country: string, digits: string): string {
  const [a, b, c, d] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6, 8)];
  const prefix = pick(random, ['6', '7']);
  if (country === 'BE') return `+32 4${prefix}${a[0]} ${b} ${c} ${d}`;
  if (country === 'CH') return `+41 7${prefix} ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`;
  if (country === 'DE') return `+49 151 ${a}${b}${c}${d}`;
  if (country === 'ES') return `+34 6${a} ${b}${c} ${d}`;
  return pick(random, [
    `0${prefix} ${a} ${b} ${c} ${d}`,
    `0${prefix}.${a}.${b}.${c}.${d}`,
    `+33 ${prefix} ${a} ${b} ${c} ${d}`,
    `+33${prefix}${a}${b}${c}${d}`,
    `0${prefix}${a}${b}${c}${d}`,
    `(0)${prefix}-${a}-${b}-${c}-${d}`,
  ]);
}

export interface DemoAddress {
  fullName: string;
  streetLine1: string;
  city: string;
  postalCode: string;
  countryCode: string;
  phoneNumber?: string;
  defaultShippingAddress: boolean;
  defaultBillingAddress: boolean;
}

export interface DemoPerson {
  firstName: string;
  lastName: string;
  emailAddress: string;
  phoneNumber?: string;
  customFields: Record<string, unknown>;
  addresses: DemoAddress[];
  /** How many orders to place for this person, and how many items each. */
  orders: {
    lines: { variant: number; quantity: number }[];
    outcome: 'settled' | 'shipped' | 'delivered' | 'cancelled';
  }[];
}

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Person number `i` (0-based) of the demo shop, with `variants` products to order from. */
export function demoPerson(i: number, variants: number): DemoPerson {
  const random = seededRandom(0x5eed + i * 7919);
  const firstName = pick(random, GIVEN);
  const lastName = pick(random, FAMILY);
  const [country, city, postalCode] = pick(random, CITIES);
  // Every number is unique: the 8 digits come from the person's index.
  const digits = String(40_000_000 + i * 37).slice(-8);
  const homeDigits = String(20_000_000 + i * 53).slice(-8);
  const hasPhone = random() < 0.8;
  const addresses: DemoAddress[] = [
    {
      fullName: `${firstName} ${lastName}`,
      streetLine1: `${between(random, 1, 120)} ${pick(random, STREETS)}`,
      city,
      postalCode,
      countryCode: country,
      phoneNumber: random() < 0.7 ? formatPhone(random, country, homeDigits) : undefined,
      defaultShippingAddress: true,
      defaultBillingAddress: true,
    },
  ];
  if (random() < 0.25) {
    addresses.push({
      fullName: `${firstName} ${lastName}`,
      streetLine1: `${between(random, 1, 60)} ${pick(random, STREETS)}`,
      city: 'Paris',
      postalCode: '75008',
      countryCode: 'FR',
      phoneNumber: `01 ${homeDigits.slice(0, 2)} ${homeDigits.slice(2, 4)} ${homeDigits.slice(4, 6)} ${homeDigits.slice(6)}`,
      defaultShippingAddress: false,
      defaultBillingAddress: false,
    });
  }
  // Placing an order runs ~400 queries through Vendure's order process: a minority of customers order, which keeps
  // the seed short (about 0.6 orders per customer).
  const roll = random();
  const orderCount = roll < 0.55 ? 0 : roll < 0.85 ? 1 : 2;
  const outcomes = ['settled', 'settled', 'settled', 'shipped', 'delivered', 'delivered', 'cancelled'] as const;
  return {
    firstName,
    lastName,
    emailAddress: `${ascii(firstName)}.${ascii(lastName)}.${i}@example.fr`,
    phoneNumber: hasPhone ? formatPhone(random, country, digits) : undefined,
    customFields: demoCustomFields(random, i),
    addresses,
    orders: Array.from({ length: orderCount }, () => ({
      lines: Array.from({ length: between(random, 1, 3) }, () => ({
        variant: between(random, 0, variants - 1),
        quantity: between(random, 1, 2),
      })),
      outcome: pick(random, outcomes),
    })),
  };
}

function demoCustomFields(random: Random, i: number): Record<string, unknown> {
  const shoe = String(between(random, 36, 45));
  return {
    sizes: JSON.stringify({
      haut: pick(random, ['XS', 'S', 'M', 'L', 'XL']),
      pantalon: String(between(random, 34, 46)),
      chaussures: shoe,
    }),
    preferredBrands: [pick(random, BRANDS), pick(random, BRANDS)].filter((b, k, all) => all.indexOf(b) === k),
    preferredCategories: [pick(random, CATEGORIES)],
    contactChannel: pick(random, ['email', 'sms', 'phone', 'none']),
    notes: pick(random, NOTES),
    loyaltyTier: pick(random, TIERS),
    loyaltyPoints: between(random, 0, 5000),
    loyaltyCard: `FID-${String(100000 + i)}`,
    personalizationConsent: random() < 0.85,
    preferredLanguage: pick(random, ['fr', 'fr', 'fr-BE', 'en', 'de']),
  };
}

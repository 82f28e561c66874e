// Who a customer is (name, origin, city, language), with deliberate look-alikes:
// every 40th customer shares a household (and landline) with the next one, and ~1% are namesakes of another customer.
import { storesByCountry } from './catalog';
import { type Gender, type NamePool, namePools, type Origin, originWeights } from './names';
import { createRandom } from './random';

export interface Identity {
  origin: Origin;
  pool: NamePool;
  gender: Gender;
  given: string;
  family: string;
  city: string;
  store: string;
  language: string;
}

/** Customer i (i % 40 === 1) lives with customer i - 1: same landline, same city, often the same family name. */
export function isHouseholdPartner(index: number): boolean {
  return index % 40 === 1;
}

/** Customer i (i % 100 === 57) has the same given and family name as customer i - 23, in another city. */
export function isNamesake(index: number): boolean {
  return index % 100 === 57 && index >= 23;
}

function ownIdentity(seed: string, index: number): Identity {
  const random = createRandom(seed, 'identity', index);
  const origin = random.weighted(originWeights);
  const pool = namePools[origin];
  const gender: Gender = random.chance(0.58) ? 'f' : 'm';
  const given = random.pick(gender === 'f' ? pool.female : pool.male);
  let family = random.pick(pool.family);
  if (random.chance(0.03)) {
    const second = random.pick(pool.family);
    if (second !== family) family = `${family}-${second}`;
  }
  const [city, store] = random.pick(storesByCountry[pool.country]) ?? ['Paris', 'paris-rivoli'];
  return { origin, pool, gender, given, family, city, store, language: random.weighted(pool.languages) };
}

export function customerIdentity(seed: string, index: number): Identity {
  const own = ownIdentity(seed, index);
  if (isHouseholdPartner(index)) {
    const head = ownIdentity(seed, index - 1);
    const sameFamily = createRandom(seed, 'household-name', index).chance(0.6);
    return { ...own, family: sameFamily ? head.family : own.family, city: head.city, store: head.store };
  }
  if (isNamesake(index)) {
    const twin = ownIdentity(seed, index - 23);
    const cities = storesByCountry.FR.filter(([city]) => city !== twin.city);
    const [city, store] = createRandom(seed, 'namesake', index).pick(cities);
    return { ...own, gender: twin.gender, given: twin.given, family: twin.family, city, store };
  }
  return own;
}

/** City of residence (not part of the feed schema; handy for demos and fixtures). */
export function customerCity(seed: string, index: number): string {
  return customerIdentity(seed, index).city;
}

export const nicknames: Readonly<Record<string, string>> = {
  Frédéric: 'Fred',
  Stéphanie: 'Steph',
  Emmanuel: 'Manu',
  Alexandre: 'Alex',
  Nicolas: 'Nico',
  Christophe: 'Chris',
  Isabelle: 'Isa',
  Catherine: 'Cathy',
  Élisabeth: 'Babeth',
  'Jean-Baptiste': 'JB',
  'Jean-François': 'Jeff',
  'Marie-Claire': 'Claire',
  Maximilian: 'Max',
  William: 'Will',
  'María José': 'Majo',
  Giuseppe: 'Beppe',
  Sébastien: 'Seb',
  Mathis: 'Matt',
};

/** Lowercase ASCII for email local parts: "Lefèvre" → "lefevre", "N'Diaye" → "ndiaye", "Le Gall" → "legall". */
export function asciiSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
    slugs.set(text, slug);
  }
  return slug;
}

const slugs = new Map<string, string>();

/** As many sightings as a page may submit at once: a hostile page listing thousands gets no more lookups. */
export const MAX_SIGHTINGS = 60;
/** Per kind of identifier, as many as a lookup takes. */
export const IDENTIFIER_LIMIT = 20;
/** Enough for a person's name in a page's title or heading, with the product's own words around it. */
export const HEADING_LIMIT = 200;

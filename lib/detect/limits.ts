/** As many sightings as a page may submit at once: a hostile page listing thousands gets no more lookups. */
export const MAX_SIGHTINGS = 60;
/** Per kind of identifier, as many as a lookup takes. */
export const IDENTIFIER_LIMIT = 20;

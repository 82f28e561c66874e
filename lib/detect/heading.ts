import { HEADING_LIMIT } from './limits';
import { isShown } from './patterns';

/**
 * What a page says it is about: its title and its first shown main heading. A CRM's record page or a ticket names its
 * subject there ("Joris Van Damme · Twenty"), which weighs for that person among the page's identifiers.
 */
export function pageHeading(doc: Document): string {
  const main = [...doc.querySelectorAll('h1')].find(isShown);
  return `${doc.title} · ${main?.textContent ?? ''}`.replace(/\s+/g, ' ').trim().slice(0, HEADING_LIMIT);
}

import { adapters } from '../adapters';

/** The kinds of page an audit entry's `page` names: "ticket:4821", "conversation", "call". */
export const PAGE_KINDS = ['ticket', 'conversation', 'contact', 'case', 'lead', 'call', 'message'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** The extension's own pages, as `where` names them (lib/background/page-handlers.ts). */
export const OWN_PAGES = ['side panel', 'popup', 'panel', 'supervisor', 'audit', 'options'] as const;
export type OwnPage = (typeof OWN_PAGES)[number];

/** Where a profile was seen, in parts a view words in its language. */
export type Place =
  | { kind: 'product'; product: string; page?: { kind: PageKind; ref?: string }; host: string }
  | { kind: 'own'; page: OwnPage }
  | { kind: 'site'; host: string };

/**
 * Reads an entry's `where` (a host, or one of the extension's pages), `adapter` (the product's id) and `page` into
 * a place: "Zendesk Agent Workspace, ticket 4821", "the side panel", or the site's host when no product was known.
 */
export function placeOf(entry: { where: string; adapter?: string; page?: string }): Place {
  const own = OWN_PAGES.find((page) => page === entry.where);
  if (own) return { kind: 'own', page: own };
  const product = adapters.find((adapter) => adapter.id === entry.adapter)?.name;
  if (!product) return { kind: 'site', host: entry.where };
  const [kind, ref] = (entry.page ?? '').split(':');
  const known = PAGE_KINDS.find((one) => one === kind);
  return { kind: 'product', product, host: entry.where, ...(known && { page: { kind: known, ...(ref && { ref }) } }) };
}

/** Which fields of a page hold the customer's identifiers; each entry is a CSS selector list. */
export interface IdentifierSelectors {
  emails?: string;
  phones?: string;
  names?: string;
  orders?: string;
}

/**
 * How Reconnu reads one helpdesk, CRM, mail or softphone product. An adapter is data, not code: a newcomer adds a
 * product by writing one of these, a fixture of its real markup and a test of what is extracted.
 */
export interface SiteAdapter {
  /** Stable id, used in health reports and fixture names: "zendesk". */
  id: string;
  /** The product's name as users know it: "Zendesk Agent Workspace". */
  name: string;
  kind: 'helpdesk' | 'crm' | 'mail' | 'softphone';
  /** Match patterns of the hosts where the product runs; they become optional host permissions. */
  hosts: string[];
  /**
   * A selector present only in the product's own markup. It recognizes the product on custom domains and
   * self-hosted installs (Zammad, Zendesk host mapping, Salesforce My Domain), where `hosts` cannot.
   */
  fingerprint: string;
  /**
   * URLs (path, query and hash) of the views that show one customer: a ticket, a conversation, a contact. On these the
   * adapter's selectors must find the customer; finding nothing there is a health problem, not an empty page.
   */
  pages: RegExp;
  /**
   * The container of the conversation on screen. Apps that keep several tickets open in hidden tabs have several:
   * the first visible one is read.
   */
  scope?: string;
  /** Where the customer's identifiers are, inside the scope. */
  customer: IdentifierSelectors;
  /**
   * Elements that hold the agent's own or the company's identifiers (signatures, the logged-in user, the support
   * address): nothing inside them is ever taken for the customer, not even by generic detection.
   */
  exclude?: string;
  /** Order numbers as this product's users write them, for generic detection on its pages: /#\d{4,}/g. */
  orderPattern?: RegExp;
}

/** Declares an adapter; the list in ./index.ts registers it. */
export function defineAdapter(adapter: SiteAdapter): SiteAdapter {
  return adapter;
}

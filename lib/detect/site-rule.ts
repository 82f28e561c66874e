import type { IdentifierSelectors } from '../adapters/types';

/** A per-site rule an administrator writes in the options page for an in-house CRM: no code. */
export interface SiteRule {
  /** Host name, "crm.acme.internal", or "*.acme.internal". */
  host: string;
  customer: IdentifierSelectors;
  /** Elements to ignore: the agent's own or the company's identifiers. */
  exclude?: string;
  /** Order numbers as this site writes them, a regular expression: "CMD-\d{6}". */
  orderPattern?: string;
  /** The company's own email domains on this site: "acme.com". */
  companyDomains?: string[];
}

// GraphQL documents for Vendure's Admin API (3.x). Money is in minor units (serverConfig.moneyStrategyPrecision);
// DateTime is an ISO string; list queries take at most `adminListQueryLimit` items (1000 by default).

/** Vendure refuses a list `take` above adminListQueryLimit, 1000 unless the shop changed it. */
export const ADMIN_LIST_LIMIT = 1000;

/** Customer custom fields Reconnu reads when the shop defines them (docs/connectors.md, "Connecting Vendure"). */
export const KNOWN_CUSTOM_FIELDS = [
  'sizes',
  'preferredBrands',
  'preferredCategories',
  'contactChannel',
  'notes',
  'loyaltyTier',
  'loyaltyPoints',
  'loyaltyCard',
  'personalizationConsent',
  'preferredLanguage',
] as const;

export type KnownCustomField = (typeof KNOWN_CUSTOM_FIELDS)[number];

/** The shop's money precision and which of the known custom fields exist on Customer (globalSettings: Authenticated). */
export const SERVER_CONFIG = `query ReconnuServerConfig {
  globalSettings {
    serverConfig {
      moneyStrategyPrecision
      entityCustomFields { entityName customFields { ... on CustomField { name type list } } }
    }
  }
}`;

export const WHO_AM_I = `query ReconnuWhoAmI {
  activeAdministrator { id firstName lastName emailAddress }
  customers(options: { take: 1 }) { totalItems }
  orders(options: { take: 1 }) { totalItems }
}`;

/** How many of a customer's most recent orders are read (the panel shows the latest ones). */
export const ORDERS_PER_CUSTOMER = 100;

/** Everything Reconnu shows about a customer; `customFields` lists only those the shop defines. */
export function customersQuery(customFields: readonly string[]): string {
  const custom = customFields.length ? `customFields { ${customFields.join(' ')} }` : '';
  return `query ReconnuCustomers($options: CustomerListOptions) {
  customers(options: $options) {
    totalItems
    items {
      id createdAt updatedAt firstName lastName emailAddress phoneNumber
      ${custom}
      addresses {
        id updatedAt fullName company streetLine1 streetLine2 city postalCode phoneNumber
        country { code }
      }
      orders(options: { take: ${ORDERS_PER_CUSTOMER}, sort: { createdAt: DESC } }) {
        items {
          id code state active orderPlacedAt updatedAt totalWithTax currencyCode
          shippingAddress { phoneNumber countryCode }
          lines { quantity unitPriceWithTax productVariant { sku name } }
        }
      }
    }
  }
}`;
}

/** Orders are their own feed of changes: placing or shipping one does not touch its customer's updatedAt. */
export const ORDER_STAMPS = `query ReconnuOrderStamps($options: OrderListOptions) {
  orders(options: $options) { totalItems items { id updatedAt customer { id } } }
}`;

/**
 * The sweep: every live customer with its addresses' ids and timestamps. Address changes do not touch the customer
 * either, and deleted customers (soft-deleted by Vendure) are no longer listed.
 */
export const ADDRESS_STAMPS = `query ReconnuAddressStamps($options: CustomerListOptions) {
  customers(options: $options) { totalItems items { id addresses { id updatedAt } } }
}`;

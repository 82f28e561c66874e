/**
 * GraphQL documents for Shopify's Admin API (2025-04 or later: `defaultEmailAddress` and `defaultPhoneNumber` replace
 * the deprecated `email`, `phone`, `emailMarketingConsent` and `smsMarketingConsent`). Each operation is named so a
 * recorded exchange can be told apart by its name.
 *
 * Sizes are chosen for Shopify's requested cost (objects 1 point, connections 2 + `first` × their nodes, at most 1,000
 * per query): a customer with 5 orders of 10 lines is about 195 points, so 4 customers per request stay near 800.
 */

/** Recent orders kept per customer, and lines per order: the same caps apply to the bulk export's output. */
export const ORDERS_PER_CUSTOMER = 5;
export const LINES_PER_ORDER = 10;
export const CUSTOMERS_PER_REQUEST = 4;
/** Refund details cost about 215 points an order (5 refunds × 20 refunded lines). */
export const REFUNDED_ORDERS_PER_REQUEST = 3;
export const REFUNDS_PER_ORDER = 5;
export const REFUND_LINES_PER_REFUND = 20;
export const CHANGED_ORDERS_PER_REQUEST = 50;
export const SWEEP_IDS_PER_REQUEST = 250;

/** Customer metafields read from the `reconnu` namespace (see map-customer.ts for their types and meaning). */
export const METAFIELD_KEYS = [
  'sizes',
  'brands',
  'categories',
  'channel',
  'notes',
  'loyalty_tier',
  'loyalty_points',
  'loyalty_card',
  'personalization_consent',
] as const;
export type MetafieldKey = (typeof METAFIELD_KEYS)[number];
export const METAFIELD_NAMESPACE = 'reconnu';

// Singular `metafield(namespace:, key:)` fields are objects, not connections: 1 point each, and allowed in a bulk
// query without spending one of its five connections.
const metafields = METAFIELD_KEYS.map(
  (key) => `mf_${key}: metafield(namespace: "${METAFIELD_NAMESPACE}", key: "${key}") { value }`,
).join('\n');

const customerFields = `id firstName lastName locale note tags createdAt updatedAt
defaultEmailAddress { emailAddress marketingState }
defaultPhoneNumber { phoneNumber marketingState }
addresses(first: 5) { address1 zip city countryCodeV2 phone }
${metafields}`;

const orderFields = `id name processedAt cancelledAt sourceName phone displayFinancialStatus displayFulfillmentStatus
currentTotalPriceSet { shopMoney { amount currencyCode } }`;

const lineFields = 'id sku title quantity currentQuantity originalUnitPriceSet { shopMoney { amount currencyCode } }';

const customerWithOrders = `${customerFields}
orders(first: ${ORDERS_PER_CUSTOMER}, sortKey: PROCESSED_AT, reverse: true) {
  nodes { ${orderFields} lineItems(first: ${LINES_PER_ORDER}) { nodes { ${lineFields} } } }
}`;

const pageInfo = 'pageInfo { hasNextPage endCursor }';

export const SHOP_QUERY = 'query ReconnuShop { shop { id name email } }';

export const CUSTOMERS_QUERY = `query ReconnuCustomers($first: Int!, $after: String, $query: String) {
  customers(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    nodes { ${customerWithOrders} }
    ${pageInfo}
  }
}`;

export const CUSTOMERS_BY_ID_QUERY = `query ReconnuCustomersById($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Customer { ${customerWithOrders} } }
}`;

/** Orders changed since a time: placing, paying, refunding or fulfilling an order does not bump its customer. */
export const CHANGED_ORDERS_QUERY = `query ReconnuChangedOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    nodes { id updatedAt customer { id } }
    ${pageInfo}
  }
}`;

/** Refunded quantities per line, read only for orders with refunded or removed units (a connection inside a list). */
export const REFUNDS_QUERY = `query ReconnuRefunds($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Order {
      id
      refunds(first: ${REFUNDS_PER_ORDER}) {
        refundLineItems(first: ${REFUND_LINES_PER_REFUND}) { nodes { quantity lineItem { id sku } } }
      }
    }
  }
}`;

export const CUSTOMER_IDS_QUERY = `query ReconnuCustomerIds($first: Int!, $after: String) {
  customers(first: $first, after: $after, sortKey: ID) {
    nodes { id }
    ${pageInfo}
  }
}`;

/**
 * The whole-shop export: customers, their orders and the orders' lines (two nested connection levels, the bulk
 * maximum). Bulk queries take no variables and ignore `first`; refunds cannot be read here (their line items are a
 * connection inside a list), so they come from REFUNDS_QUERY for the orders that need them.
 */
export const BULK_CUSTOMERS_QUERY = `{
  customers {
    edges { node {
      ${customerFields}
      orders { edges { node {
        ${orderFields}
        lineItems { edges { node { ${lineFields} } } }
      } } }
    } }
  }
}`;

/** `groupObjects: true` puts each customer's orders and lines right after it, so the file can be read page by page. */
export const BULK_RUN_MUTATION = `mutation ReconnuBulkRun($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: true) {
    bulkOperation { id status createdAt }
    userErrors { field message code }
  }
}`;

const bulkFields = 'id status errorCode createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl';

export const BULK_STATUS_QUERY = `query ReconnuBulkStatus($id: ID!) {
  node(id: $id) { ... on BulkOperation { ${bulkFields} query } }
}`;

export const CURRENT_BULK_QUERY = `query ReconnuCurrentBulk {
  currentBulkOperation(type: QUERY) { ${bulkFields} query }
}`;

/**
 * Shopify's objects as the queries in queries.ts select them. Everything is optional and loosely typed: this is what
 * a platform sent, read defensively by the mappers (a missing or odd field must never throw away a page).
 */

export interface MoneyBag {
  shopMoney?: { amount?: string | null; currencyCode?: string | null } | null;
}

export interface LineItemNode {
  id?: string;
  sku?: string | null;
  title?: string | null;
  quantity?: number | null;
  currentQuantity?: number | null;
  originalUnitPriceSet?: MoneyBag | null;
}

export interface RefundNode {
  refundLineItems?: { nodes?: { quantity?: number | null; lineItem?: { id?: string } | null }[] } | null;
}

export interface OrderNode {
  id?: string;
  name?: string | null;
  processedAt?: string | null;
  cancelledAt?: string | null;
  sourceName?: string | null;
  phone?: string | null;
  displayFinancialStatus?: string | null;
  displayFulfillmentStatus?: string | null;
  currentTotalPriceSet?: MoneyBag | null;
  lineItems?: { nodes?: LineItemNode[] } | null;
  /** Attached from REFUNDS_QUERY for the orders that need it (see refunds.ts). */
  refunds?: RefundNode[] | null;
}

export interface AddressNode {
  address1?: string | null;
  zip?: string | null;
  city?: string | null;
  countryCodeV2?: string | null;
  phone?: string | null;
}

export interface MetafieldValue {
  value?: string | null;
}

export interface CustomerNode {
  id?: unknown;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
  note?: string | null;
  tags?: string[] | null;
  createdAt?: string | null;
  updatedAt?: unknown;
  defaultEmailAddress?: { emailAddress?: string | null; marketingState?: string | null } | null;
  defaultPhoneNumber?: { phoneNumber?: string | null; marketingState?: string | null } | null;
  addresses?: AddressNode[] | null;
  orders?: { nodes?: OrderNode[] } | null;
  /** Metafields of the `reconnu` namespace, aliased `mf_<key>`. */
  [metafield: `mf_${string}`]: MetafieldValue | null | undefined;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

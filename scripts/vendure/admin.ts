import { adminGraphQL } from './graphql';

export interface AddressChange {
  fullName?: string;
  streetLine1?: string;
  city?: string;
  postalCode?: string;
  countryCode?: string;
  phoneNumber?: string;
}

/**
 * Changes to make through the running server's Admin API, as a shop's staff would: for tests and benches that check
 * what a sync picks up. Ids are Vendure's (e.g. "12"), not Reconnu's ("vendure:12").
 */
export function vendureAdmin(adminApi: string, token: string) {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}) =>
    (await adminGraphQL<T>(adminApi, { token }, query, variables)).data;

  async function variantIdOf(sku: string): Promise<string> {
    const data = await call<{ productVariants: { items: { id: string }[] } }>(
      `query ($sku: String!) { productVariants(options: { filter: { sku: { eq: $sku } } }) { items { id } } }`,
      { sku },
    );
    const variant = data.productVariants.items[0];
    if (!variant) throw new Error(`No variant with SKU ${sku}.`);
    return variant.id;
  }

  return {
    async updateCustomer(
      id: string,
      input: { firstName?: string; lastName?: string; phoneNumber?: string; customFields?: Record<string, unknown> },
    ) {
      await call(
        `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { ... on Customer { id } ... on ErrorResult { errorCode message } } }`,
        {
          input: { id, ...input },
        },
      );
    },

    async addresses(customerId: string) {
      const data = await call<{ customer: { addresses: { id: string; phoneNumber: string | null }[] } | null }>(
        `query ($id: ID!) { customer(id: $id) { addresses { id phoneNumber } } }`,
        { id: customerId },
      );
      return data.customer?.addresses ?? [];
    },

    async updateAddress(addressId: string, change: AddressChange) {
      await call(`mutation ($input: UpdateAddressInput!) { updateCustomerAddress(input: $input) { id } }`, {
        input: { id: addressId, ...change },
      });
    },

    async createAddress(
      customerId: string,
      address: Required<Pick<AddressChange, 'streetLine1' | 'countryCode'>> & AddressChange,
    ) {
      const data = await call<{ createCustomerAddress: { id: string } }>(
        `mutation ($customerId: ID!, $input: CreateAddressInput!) { createCustomerAddress(customerId: $customerId, input: $input) { id } }`,
        { customerId, input: address },
      );
      return data.createCustomerAddress.id;
    },

    async deleteAddress(addressId: string) {
      await call(`mutation ($id: ID!) { deleteCustomerAddress(id: $id) { success } }`, { id: addressId });
    },

    /** A real order, as staff place one from the dashboard: draft, items, shipping, then a manual payment. */
    async placeOrder(customerId: string, lines: { sku: string; quantity: number }[], shippingPhone?: string) {
      const { createDraftOrder: draft } = await call<{ createDraftOrder: { id: string } }>(
        `mutation { createDraftOrder { id } }`,
      );
      const orderId = draft.id;
      await call(
        `mutation ($orderId: ID!, $customerId: ID!) { setCustomerForDraftOrder(orderId: $orderId, customerId: $customerId) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
        { orderId, customerId },
      );
      for (const line of lines) {
        await call(
          `mutation ($orderId: ID!, $input: AddItemToDraftOrderInput!) { addItemToDraftOrder(orderId: $orderId, input: $input) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
          { orderId, input: { productVariantId: await variantIdOf(line.sku), quantity: line.quantity } },
        );
      }
      await call(
        `mutation ($orderId: ID!, $input: CreateAddressInput!) { setDraftOrderShippingAddress(orderId: $orderId, input: $input) { id } }`,
        {
          orderId,
          input: {
            streetLine1: '1 rue de Rivoli',
            city: 'Paris',
            postalCode: '75001',
            countryCode: 'FR',
            phoneNumber: shippingPhone,
          },
        },
      );
      const { eligibleShippingMethodsForDraftOrder: methods } = await call<{
        eligibleShippingMethodsForDraftOrder: { id: string }[];
      }>(`query ($orderId: ID!) { eligibleShippingMethodsForDraftOrder(orderId: $orderId) { id } }`, { orderId });
      await call(
        `mutation ($orderId: ID!, $shippingMethodId: ID!) { setDraftOrderShippingMethod(orderId: $orderId, shippingMethodId: $shippingMethodId) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
        { orderId, shippingMethodId: methods[0]?.id },
      );
      await this.transitionOrder(orderId, 'ArrangingPayment');
      const { addManualPaymentToOrder: order } = await call<{
        addManualPaymentToOrder: { id: string; code: string; state: string };
      }>(
        `mutation ($input: ManualPaymentInput!) { addManualPaymentToOrder(input: $input) { ... on Order { id code state } ... on ErrorResult { errorCode message } } }`,
        { input: { orderId, method: 'carte-bancaire', transactionId: `TEST-${orderId}`, metadata: {} } },
      );
      return order;
    },

    async transitionOrder(orderId: string, state: string) {
      await call(
        `mutation ($id: ID!, $state: String!) { transitionOrderToState(id: $id, state: $state) { ... on Order { id } ... on OrderStateTransitionError { errorCode message transitionError } } }`,
        { id: orderId, state },
      );
    },

    /** Cancels a whole order (a settled one cannot simply transition to Cancelled). */
    async cancelOrder(orderId: string, reason = 'Demande du client') {
      await call(
        `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { ... on Order { id state } ... on ErrorResult { errorCode message } } }`,
        { input: { orderId, reason, cancelShipping: true } },
      );
    },

    async deleteCustomer(id: string) {
      const data = await call<{ deleteCustomer: { result: string; message: string | null } }>(
        `mutation ($id: ID!) { deleteCustomer(id: $id) { result message } }`,
        { id },
      );
      if (data.deleteCustomer.result !== 'DELETED') throw new Error(`Not deleted: ${data.deleteCustomer.message}`);
    },
  };
}

export type VendureAdmin = ReturnType<typeof vendureAdmin>;

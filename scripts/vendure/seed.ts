import type { INestApplicationContext } from '@nestjs/common';
import {
  ChannelService,
  CurrencyCode,
  Customer,
  CustomerService,
  type ID,
  isGraphQlErrorResult,
  manualFulfillmentHandler,
  Order,
  OrderService,
  PaymentMethodService,
  ProductVariantService,
  type RequestContext,
  RequestContextService,
  ShippingMethodService,
  TransactionalConnection,
} from '@vendure/core';
import { type DemoPerson, demoPerson } from './people';

interface Shop {
  ctx: RequestContext;
  customers: CustomerService;
  orders: OrderService;
  connection: TransactionalConnection;
  variantIds: ID[];
  shippingMethodId: ID;
  paymentMethodCode: string;
}

async function openShop(app: INestApplicationContext): Promise<Shop> {
  const ctx = await app.get(RequestContextService).create({ apiType: 'admin' });
  const variants = await app.get(ProductVariantService).findAll(ctx, { take: 100, sort: { id: 'ASC' } as never });
  const [shipping] = (await app.get(ShippingMethodService).findAll(ctx)).items;
  const [payment] = (await app.get(PaymentMethodService).findAll(ctx)).items;
  if (!shipping || !payment || variants.items.length === 0)
    throw new Error('The shop has no products, shipping or payment.');
  return {
    ctx,
    customers: app.get(CustomerService),
    orders: app.get(OrderService),
    connection: app.get(TransactionalConnection),
    variantIds: variants.items.map((variant) => variant.id),
    shippingMethodId: shipping.id,
    paymentMethodCode: payment.code,
  };
}

function orThrow<T>(result: T, what: string): Exclude<T, { errorCode: string }> {
  if (isGraphQlErrorResult(result as never)) throw new Error(`${what}: ${(result as { message: string }).message}`);
  return result as Exclude<T, { errorCode: string }>;
}

/** Customer number `i` with their addresses and orders, all through Vendure's own services. */
async function seedPerson(shop: Shop, i: number): Promise<void> {
  const person = demoPerson(i, shop.variantIds.length);
  await shop.connection.withTransaction(shop.ctx, async (ctx) => {
    const customer = orThrow(
      await shop.customers.create(ctx, {
        firstName: person.firstName,
        lastName: person.lastName,
        emailAddress: person.emailAddress,
        phoneNumber: person.phoneNumber,
        customFields: person.customFields,
      }),
      `customer ${i}`,
    );
    for (const address of person.addresses) await shop.customers.createAddress(ctx, customer.id, address);
    for (const [k, order] of person.orders.entries()) await placeOrder(shop, ctx, customer, person, order, i * 10 + k);
    // A customer since 2021–2023 (a date only, so that the demo's history reads right).
    const since = new Date(Date.UTC(2021, 0, 1) + ((i * 7_919) % 1_000) * 86_400_000);
    await shop.connection.getRepository(ctx, Customer).update(customer.id, { createdAt: since });
  });
}

type DemoOrder = DemoPerson['orders'][number];

/** A real order: draft, items, shipping, payment (settled by the dummy handler), then fulfilment or cancellation. */
export async function placeOrder(
  shop: Shop,
  ctx: RequestContext,
  customer: Customer,
  person: DemoPerson,
  demo: DemoOrder,
  seed: number,
): Promise<Order> {
  const { orders } = shop;
  const draft = await orders.createDraft(ctx);
  await orders.addCustomerToOrder(ctx, draft.id, customer);
  const items = demo.lines.map((line) => ({
    productVariantId: shop.variantIds[line.variant] as ID,
    quantity: line.quantity,
  }));
  orThrow(await orders.addItemsToOrder(ctx, draft.id, items), 'add items');
  const [address] = person.addresses;
  if (address) await orders.setShippingAddress(ctx, draft.id, address);
  orThrow(await orders.setShippingMethod(ctx, draft.id, [shop.shippingMethodId]), 'shipping method');
  orThrow(await orders.transitionToState(ctx, draft.id, 'ArrangingPayment'), 'arranging payment');
  let order = orThrow(
    await orders.addPaymentToOrder(ctx, draft.id, { method: shop.paymentMethodCode, metadata: {} }),
    'payment',
  );
  if (demo.outcome === 'cancelled') {
    order = orThrow(await orders.cancelOrder(ctx, { orderId: order.id, reason: 'Demande du client' }), 'cancel');
  } else if (demo.outcome !== 'settled') {
    const fulfillment = orThrow(
      await orders.createFulfillment(ctx, {
        lines: order.lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity })),
        handler: {
          code: manualFulfillmentHandler.code,
          arguments: [
            { name: 'method', value: 'Colissimo' },
            { name: 'trackingCode', value: `6A${String(seed).padStart(11, '0')}` },
          ],
        },
      }),
      'fulfillment',
    );
    orThrow(await orders.transitionFulfillmentToState(ctx, fulfillment.id, 'Shipped'), 'shipped');
    if (demo.outcome === 'delivered') {
      orThrow(await orders.transitionFulfillmentToState(ctx, fulfillment.id, 'Delivered'), 'delivered');
    }
  }
  // History for the demo: placed some days ago (a date only; the order itself went through every step above).
  const placedAt = new Date(Date.UTC(2024, 0, 1) + ((seed * 104_729) % 700) * 86_400_000);
  await shop.connection.getRepository(ctx, Order).update(order.id, { orderPlacedAt: placedAt });
  return order;
}

/** A French shop: prices in euros, tax included (as the CSV's prices are). */
export async function priceInEuros(app: INestApplicationContext): Promise<void> {
  const channels = app.get(ChannelService);
  const ctx = await app.get(RequestContextService).create({ apiType: 'admin' });
  const channel = await channels.getDefaultChannel(ctx);
  await channels.update(ctx, {
    id: channel.id,
    defaultCurrencyCode: CurrencyCode.EUR,
    availableCurrencyCodes: [CurrencyCode.EUR],
    pricesIncludeTax: true,
  });
}

/** Seeds `count` deterministic customers; returns how long it took in ms. */
export async function seedCustomers(app: INestApplicationContext, count: number): Promise<number> {
  const started = performance.now();
  const shop = await openShop(app);
  for (let i = 0; i < count; i++) {
    await seedPerson(shop, i);
    if ((i + 1) % 100 === 0)
      process.stderr.write(
        `[vendure seed] ${i + 1}/${count} customers, ${Math.round(performance.now() - started)} ms\n`,
      );
  }
  return performance.now() - started;
}

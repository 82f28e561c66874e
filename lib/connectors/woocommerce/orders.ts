import type { Order } from '../../feed/schema';
import { phoneIn } from '../phone';
import { gmtToIso, type WooLineItem, type WooOrder, type WooRefund } from './wire';

/**
 * Where an order was taken, from its `created_via`: the shop's checkout (classic or block) is web, WooCommerce's
 * point of sale is the store, and an order entered by staff in wp-admin is taken as a phone order (the usual reason
 * staff key in an order). Anything else (REST integrations, marketplaces, subscriptions renewals) is web.
 */
export function channelOf(createdVia: unknown): Order['channel'] {
  switch (createdVia) {
    case 'admin':
      return 'phone';
    case 'pos-rest-api':
    case 'point-of-sale':
      return 'store';
    default:
      return 'web';
  }
}

/**
 * A feed order from a WooCommerce order and its refunds (`GET /orders/{id}/refunds`): each refund line carries a
 * negative quantity and, in `_refunded_item_id`, the order line it gives back. Values WooCommerce sent malformed
 * are passed on as they are, so the record is quarantined with the reason instead of silently altered.
 */
export function mapOrder(order: WooOrder, refunds: WooRefund[]): Record<string, unknown> {
  const returned = returnedQuantities(refunds);
  const phone = phoneIn(order.billing?.phone, order.billing?.country);
  return {
    id: String(order.id),
    number: numberOf(order),
    placedAt: gmtToIso(order.date_created_gmt) ?? order.date_created_gmt,
    channel: channelOf(order.created_via),
    status: order.status,
    total: { amount: amountOf(order.total), currency: order.currency },
    lines: (Array.isArray(order.line_items) ? order.line_items : []).map((line) => {
      const back = (line.id !== undefined ? returned.get(String(line.id)) : undefined) ?? returned.get(lineKey(line));
      return {
        sku: line.sku ?? '',
        title: decodeEntities(line.name ?? ''),
        quantity: line.quantity,
        unitPrice: amountOf(line.price),
        ...(back ? { returned: back } : {}),
      };
    }),
    ...(phone ? { phone } : {}),
  };
}

/** The number staff and customers quote (plugins such as Sequential Order Numbers change it); the id otherwise. */
function numberOf(order: WooOrder): string {
  const number = typeof order.number === 'number' ? String(order.number) : order.number;
  return typeof number === 'string' && number.trim() !== '' ? number.trim() : String(order.id);
}

/** Does this order have refunds whose quantities must be read? (Its own `refunds` list is only a summary.) */
export function hasRefunds(order: WooOrder): boolean {
  return Array.isArray(order.refunds) && order.refunds.length > 0;
}

/** Quantities given back, by refunded order line id (or by product when a refund line does not say which line). */
function returnedQuantities(refunds: WooRefund[]): Map<string, number> {
  const returned = new Map<string, number>();
  for (const refund of refunds) {
    for (const line of refund.line_items ?? []) {
      const quantity = -(Number(line.quantity) || 0);
      if (quantity <= 0) continue;
      const refunded = line.meta_data?.find((meta) => meta.key === '_refunded_item_id')?.value;
      const key = refunded !== undefined && refunded !== '' ? String(refunded) : lineKey(line);
      returned.set(key, (returned.get(key) ?? 0) + quantity);
    }
  }
  return returned;
}

function lineKey(line: WooLineItem): string {
  return `product:${line.product_id ?? 0}:${line.variation_id ?? 0}`;
}

/** WooCommerce sends totals as decimal strings ("29.35") and line prices as numbers. */
function amountOf(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/** Product names come as WordPress stores titles, with HTML entities (`Ship Your Idea &ndash; Color: Black`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

import type { Customer } from '@/lib/feed/schema';
import { useProfile } from './useProfile';

const RECENT_RETURN_DAYS = 60;

/** One line the agent reads before saying hello: the last order, a recent return, how they like to be contacted. */
export function WhatToKnow({ customer }: { customer: Customer }) {
  const { p, f } = useProfile();
  const orders = [...(customer.orders ?? [])].sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  const last = orders[0];
  const since = Date.now() - RECENT_RETURN_DAYS * 86_400_000;
  const returned = orders
    .filter((order) => Date.parse(order.placedAt) >= since)
    .flatMap((order) => order.lines)
    .reduce((sum, line) => sum + (line.returned ?? 0), 0);
  const facts = [
    last ? p.lastOrder(last.number, last.status, f.ago(last.placedAt)) : p.noOrders,
    returned > 0 ? p.openReturn(returned) : undefined,
    customer.preferences?.channel ? p.prefersChannel[customer.preferences.channel] : undefined,
  ].filter(Boolean);
  return (
    <p className="what-to-know">
      <span className="visually-hidden">{p.whatToKnow}: </span>
      {facts.join(' · ')}
    </p>
  );
}

import type { Identifiers, Sighting } from '../lib/protocol/messages';

/** Identifiers as plain mentions in a page's text: no label, no region, no link. */
export function mentioned(identifiers: Partial<Identifiers>): Sighting[] {
  const of = (kind: Sighting['kind'], values: readonly string[] = []) =>
    values.map((value): Sighting => ({ kind, value, cues: [] }));
  return [...of('email', identifiers.emails), ...of('phone', identifiers.phones), ...of('order', identifiers.orders)];
}

import { visibleText } from '../display/visible';
import { type Customer, displayName, type Me } from '../feed/schema';
import type { Recognition } from '../lookup/service';
import type { CandidateSummary, PanelState } from '../protocol/messages';
import { profileFor } from './view';

/**
 * A customer in a list (the picker, search results) as this viewer may see them: the name, and what tells namesakes
 * apart (their city, their last order, else their first email). The hint is read from the profile profileFor shapes,
 * so whatever the profile masks, the hint shows masked the same way.
 */
export function candidateFor(customer: Customer, me: Me | null): CandidateSummary {
  const shown = profileFor(customer, me).customer;
  const lastOrder = [...(shown.orders ?? [])].sort((a, b) => b.placedAt.localeCompare(a.placedAt))[0];
  const city = shown.addresses?.find((address) => address.city)?.city;
  const order = lastOrder && `${lastOrder.number} · ${lastOrder.placedAt.slice(0, 10)}`;
  const hint = [city, order ?? shown.emails?.[0]].filter(Boolean).join(' · ');
  return { id: shown.id, name: visibleText(displayName(shown)), hint: visibleText(hint) };
}

/** What a tab's panel may show of a recognition: the profile or the picker, shaped for the viewer's role. */
export function panelStateFor(found: Recognition, me: Me | null): PanelState {
  if (found.status === 'matched') {
    const { customer, privacy } = profileFor(found.customer, me);
    return { ...found, customer, privacy };
  }
  if (found.status === 'ambiguous') {
    const candidates = found.candidates.map(({ customer, reason }) => ({ ...candidateFor(customer, me), reason }));
    return { status: 'ambiguous', candidates };
  }
  return found;
}

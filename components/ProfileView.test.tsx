// @vitest-environment happy-dom

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer, Me } from '@/lib/feed/schema';
import { profileFor } from '@/lib/privacy/view';
import { syncStatusItem } from '@/lib/sync/status';
import { ProfileView } from './ProfileView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const customer: Customer = {
  id: 'cus_1',
  version: 3,
  updatedAt: daysAgo(1),
  name: { given: 'Frédéric', family: 'Lefèvre', preferred: 'Fred' },
  language: 'fr',
  loyalty: { tier: 'gold', points: 12_450, card: 'ML-0001' },
  customerSince: '2019-03-02T10:00:00Z',
  influence: { segment: 'maven', followers: 1200, reviews: 48 },
  preferences: {
    sizes: { shirt: 'M', shoes: '43' },
    brands: ['Arco'],
    categories: ['lighting'],
    channel: 'sms',
    notes: 'Allergic to wool',
  },
  wishlist: [{ sku: 'A1', title: 'Lampe Arco', addedAt: daysAgo(3) }],
  recentlyViewed: [{ sku: 'B2', title: 'Applique Tolomeo', viewedAt: daysAgo(0) }],
  cart: [{ sku: 'C3', title: 'Ampoule E27', quantity: 2 }],
  orders: [
    {
      id: 'o1',
      number: 'FR-1001',
      placedAt: daysAgo(200),
      channel: 'store',
      status: 'delivered',
      total: { amount: 120, currency: 'EUR' },
      lines: [{ sku: 'A1', title: 'Lampe Arco', quantity: 1, unitPrice: 120 }],
    },
    {
      id: 'o2',
      number: 'FR-1002',
      placedAt: daysAgo(5),
      channel: 'web',
      status: 'shipped',
      total: { amount: 59.9, currency: 'EUR' },
      lines: [{ sku: 'D4', title: 'Abat-jour lin', quantity: 2, unitPrice: 29.95, returned: 1 }],
    },
  ],
};

let container: HTMLElement;
/** Rendered as the background shapes it for the viewer's role. */
async function render(person: Customer, role: Me['role'] = 'agent'): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.replaceChildren(container);
  const view = profileFor(person, { id: 'u', name: 'U', email: 'u@shop.example', role });
  await act(async () =>
    createRoot(container).render(
      <QueryClientProvider client={new QueryClient()}>
        <ProfileView customer={view.customer} privacy={view.privacy} />
      </QueryClientProvider>,
    ),
  );
  return container;
}
afterEach(() => container?.remove());

/** The profile's parts below its header, in the order shown: each section's heading, or what a paragraph is. */
const outline = (view: HTMLElement): string[] =>
  [...view.querySelectorAll('article > section, article > p.what-to-know, article > p.notice')].map((part) =>
    part.matches('p.what-to-know')
      ? 'what to know'
      : part.matches('p.notice')
        ? 'notice'
        : (part.querySelector('h2')?.textContent ?? ''),
  );
const withContacts = { ...customer, emails: ['claire.dupont@example.org'], phones: ['06 12 34 56 78'] };

describe('ProfileView', () => {
  it('shows who they are, what to know, what they like, what they do online and every order', async () => {
    await syncStatusItem.setValue({
      state: 'idle',
      customers: 1,
      done: 0,
      total: null,
      lastSuccessAt: new Date().toISOString(),
      message: null,
      quarantined: 0,
    });
    const view = await render(customer);
    const text = view.textContent ?? '';
    expect(view.querySelector('h1')?.textContent).toBe('Frédéric Lefèvre');
    expect(text).toContain('Goes by Fred');
    expect(text).toContain('gold · 12,450 points');
    expect(text).toContain('Maven');
    expect(text).toContain('Speaks French');
    expect(text).toMatch(/Last order FR-1002: shipped, 5 days ago · 1 item returned recently · Prefers SMS/);
    expect(text).toContain('shirt M · shoes 43');
    expect(text).toContain('Allergic to wool');
    expect(text).toContain('Lampe Arco');
    expect(text).toContain('2 × Ampoule E27');
    expect(text).toContain('2 orders · €179.90 in total');
    const orders = [...view.querySelectorAll('.orders > li strong')].map((node) => node.textContent);
    expect(orders).toEqual(['FR-1002', 'FR-1001']); // newest first
    expect(text).toContain('Web');
    expect(text).toContain('Store');
    expect(text).toMatch(/as of \d{2}:\d{2}/);
  });

  it('hides preferences, online behaviour and influence without personalization consent, and says why', async () => {
    const view = await render({ ...customer, consent: { personalization: false } });
    const text = view.textContent ?? '';
    expect(text).toContain('has not agreed to personalization');
    for (const hidden of ['Allergic to wool', 'Wishlist', 'Applique Tolomeo', 'Maven', 'shirt M']) {
      expect(text).not.toContain(hidden);
    }
    expect(text).toContain('FR-1002'); // orders are service data, not personalization
  });

  it('shows store staff masked contacts and a way to reveal them, agents the contacts in full', async () => {
    const person = { ...customer, emails: ['claire.dupont@example.org'], phones: ['06 12 34 56 78'] };
    const masked = (await render(person, 'store')).querySelector('section.contacts');
    expect(masked?.textContent).toContain('c•••@example.org');
    expect(masked?.textContent).toContain('+33 6 •• •• •• 78');
    expect(masked?.textContent).not.toContain('claire.dupont');
    expect(masked?.querySelector('button')?.textContent).toBe('Reveal contact details');
    const full = (await render(person, 'agent')).querySelector('section.contacts');
    expect(full?.textContent).toContain('claire.dupont@example.org');
    expect(full?.querySelector('button')).toBeNull();
  });

  it('leads store staff with sizes, brands, wishlist, recently viewed and the last store purchase, then the rest', async () => {
    const view = await render(withContacts, 'store');
    expect(outline(view)).toEqual([
      'Preferences',
      'Online',
      'Last store purchase',
      'what to know',
      'Contact',
      'What I can do for this customer',
      'Orders',
    ]);
    const facts = [...view.querySelectorAll('article dt')].map((term) => term.textContent);
    expect(facts.slice(0, 2)).toEqual(['Sizes', 'Brands']);
    expect(facts).toContain('Wishlist');
    expect(facts).toContain('Recently viewed');
    // The newest order is a web one: the last store purchase is the older order paid at a till.
    const store = view.querySelector('section.last-store-purchase');
    expect(store?.textContent).toContain('FR-1001');
    expect(store?.textContent).toContain('1 × Lampe Arco');
    expect(store?.textContent).not.toContain('FR-1002');
    expect(view.querySelector('section.contacts')?.textContent).toContain('c•••@example.org');
    expect(view.textContent).not.toContain('claire.dupont');
  });

  it('says so when a store customer never bought in a store, and keeps the consent notice first', async () => {
    const online = { ...withContacts, orders: customer.orders?.filter((order) => order.channel !== 'store') };
    const view = await render({ ...online, consent: { personalization: false } }, 'store');
    expect(outline(view).slice(0, 3)).toEqual(['notice', 'Last store purchase', 'what to know']);
    expect(view.querySelector('section.last-store-purchase')?.textContent).toContain('No purchase in a store yet');
  });

  it.each(['agent', 'supervisor', 'admin'] as const)(
    'keeps the story first for %s, with no store purchase section',
    async (role) => {
      const view = await render(withContacts, role);
      expect(outline(view)).toEqual([
        'what to know',
        'Contact',
        'Preferences',
        'Online',
        'What I can do for this customer',
        'Orders',
      ]);
    },
  );

  it('says when the data is stale or offline', async () => {
    await syncStatusItem.setValue({
      state: 'offline',
      customers: 1,
      done: 0,
      total: null,
      lastSuccessAt: daysAgo(1),
      message: null,
      quarantined: 0,
    });
    const view = await render(customer);
    expect(view.querySelector('.badge-stale')?.textContent).toMatch(/^Offline · data as of/);
  });
});

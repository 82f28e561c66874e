// What the empowerment tests share, on the hub and on the reference feed: the customer, and the agent's moves in
// the options page and in the panel's empowerment section.
import type { Frame, Page } from 'playwright-core';
import type { Customer } from '../../lib/feed/schema';
import { humanPause, setPolicyKeyOption } from '../../scripts/browser';

export const zoe: Customer = {
  id: 'em_zoe',
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
  name: { given: 'Zoé', family: 'Castellane' },
  emails: ['zoe.castellane@exemple.fr'],
  loyalty: { tier: 'silver', points: 1500 },
  consent: { personalization: true },
};

export const zoeTicket = '<!doctype html><meta charset="utf-8"><p>De : zoe.castellane@exemple.fr</p>';

/** Points the extension at the policy key, as an administrator would (options page): saving it syncs. */
export async function setPolicyKey(options: Page, key: string): Promise<void> {
  await setPolicyKeyOption(options, key);
  await options.getByText('Empowerment policy demo-2026 in force').waitFor({ timeout: 20_000 });
}

export async function syncNow(options: Page, total: number): Promise<void> {
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options
    .getByRole('status')
    .filter({ hasText: `Up to date · ${total} customers` })
    .waitFor({ timeout: 20_000 });
}

export const empowermentOf = (panel: Frame) => panel.locator('section.empowerment');
export const goodwillLineOf = (panel: Frame) => empowermentOf(panel).locator('li[data-gesture="goodwill"]');

export async function grant(panel: Frame, gesture: string, amount: string | null, reason: string): Promise<void> {
  const empowerment = empowermentOf(panel);
  await empowerment.getByRole('combobox', { name: /^Gesture/ }).selectOption({ label: gesture });
  if (amount !== null) await empowerment.getByLabel('Amount (EUR)').fill(amount);
  await empowerment.getByLabel('Reason (recorded)').fill(reason);
  await empowerment.getByRole('button', { name: 'Grant' }).click();
  await humanPause();
  await empowerment.getByRole('button', { name: /^Confirm/ }).click();
}

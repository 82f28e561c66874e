// What the supervisor's console and audit view tests set up on the hub directly, as the agents' own extensions would
// have: gestures asked and granted, and audit entries uploaded in their chains.
import { type AuditEntry, type AuditFacts, chainEntry } from '../../lib/audit/chain';
import type { ExtensionBrowser } from '../../scripts/browser';

/** A gesture as an agent's extension sends it (`POST /v1/gestures`), under that agent's token. */
export async function postGesture(
  hubUrl: string,
  token: string,
  body: { customerId: string; gesture: string; size: number; reason: string; approval: boolean },
): Promise<void> {
  const response = await fetch(`${hubUrl}/v1/gestures`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ ...body, currency: 'EUR', channel: 'phone' }),
  });
  if (!response.ok) throw new Error(`POST /v1/gestures answered ${response.status}: ${await response.text()}`);
}

/** One device's chain of entries, uploaded as its extension does (`POST /v1/audit`) under its user's token. */
export async function uploadAudit(
  hubUrl: string,
  token: string,
  facts: readonly AuditFacts[],
  device = crypto.randomUUID(),
): Promise<void> {
  const entries: AuditEntry[] = [];
  for (const one of facts) entries.push(await chainEntry(one, device, entries.at(-1)));
  const response = await fetch(`${hubUrl}/v1/audit`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ entries }),
  });
  if (!response.ok) throw new Error(`POST /v1/audit answered ${response.status}: ${await response.text()}`);
}

/** The toolbar icon's count, as the browser shows it (read in the extension's service worker). */
export async function badgeText(browser: ExtensionBrowser): Promise<string> {
  const worker = browser.context.serviceWorkers()[0] ?? browser.worker;
  // The worker's own `chrome`, which this file's types do not declare.
  return worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

/** An instant `days` days ago, at the same time of day. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

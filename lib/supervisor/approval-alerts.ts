import { storage } from 'wxt/utils/storage';
import { empowermentStrings } from '../i18n/empowerment';
import type { Locale } from '../i18n/strings';
import { supervisorStrings } from '../i18n/supervisor';
import type { GestureRecord } from '../policy/schema';
import { sizeText } from './size-text';

/** The supervisor asked for a desktop notification of each new request waiting for them (console, opt-in). */
export const approvalNotificationsItem = storage.defineItem<boolean>('local:approvalNotifications', {
  fallback: false,
});

/**
 * Requests already announced, kept for the browser session: a worker woken again must not announce them twice.
 * Ids only, no customer data.
 */
export const announcedApprovalsItem = storage.defineItem<string[]>('session:announcedApprovals', { fallback: [] });

/** The toolbar badge's text: the count, "99+" past that, nothing when no request waits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** One line for a notification: "Léa Martin asks €45.00 (Goodwill credit) for Claire Dupont". */
export function approvalLine(
  record: GestureRecord,
  options: { customerName?: string; currency: string; locale: Locale },
): string {
  const { customerName, currency, locale } = options;
  const gesture = empowermentStrings(locale).gestures[record.gesture];
  const size = sizeText({ gesture: record.gesture, size: record.size, currency: record.currency ?? currency, locale });
  return supervisorStrings(locale).asks({
    agent: record.agentName ?? record.agentId,
    what: size ? `${size} (${gesture})` : gesture,
    customer: customerName ?? record.customerId,
  });
}

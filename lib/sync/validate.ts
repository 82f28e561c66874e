import { mark } from '../debug/timing';
import { type Change, isDeletion, parseChange } from '../feed/schema';
import { getDefaultRegion } from '../identifiers/phone';
import { type QuarantinedRecord, type StoredPhone, unindexablePhones } from '../store';

/** A number read in its address's country says so: the default region in the reason would mislead. */
function described(phone: StoredPhone): string {
  return phone.region === getDefaultRegion() ? `"${phone.raw}"` : `"${phone.raw}" (read in ${phone.region})`;
}

/** What of a rejected record is kept to show: enough to recognize it, never the megabytes a broken feed may send. */
const RAW_PREVIEW = 2_000;
const SHOWN_ID = 200;

/**
 * Splits a page's raw changes into valid changes and quarantined records with their reasons. Never throws,
 * whatever the feed sent: a record too deeply nested to serialize is quarantined with that said instead of its text.
 */
export function validateChanges(
  raw: unknown[],
  receivedAt: Date,
): { changes: Change[]; quarantined: QuarantinedRecord[] } {
  const changes: Change[] = [];
  const quarantined: QuarantinedRecord[] = [];
  const at = receivedAt.toISOString();
  const started = performance.now();
  raw.forEach((record, position) => {
    const parsed = parseChange(record);
    if (parsed.ok) {
      changes.push(parsed.change);
      // The customer lands; a number that cannot be indexed is reported, not dropped in silence.
      const unusable = isDeletion(parsed.change) ? [] : unindexablePhones(parsed.change);
      if (unusable.length > 0) {
        quarantined.push({
          id: parsed.change.id,
          reason: `Stored, but ${unusable.map(described).join(', ')} is not a valid phone number (default region ${getDefaultRegion()}): not indexed.`,
          receivedAt: at,
          raw: JSON.stringify(unusable.map((phone) => phone.raw)),
        });
      }
    } else {
      const id = parsed.id && parsed.id.length <= SHOWN_ID ? parsed.id : undefined;
      const shown = parsed.id === undefined ? 'no id' : id === undefined ? 'id too long' : undefined;
      quarantined.push({
        id: id ?? `(${shown}: ${at} #${position})`,
        reason: parsed.reason,
        receivedAt: at,
        raw: preview(record),
      });
    }
  });
  mark('sync.validate', started);
  return { changes, quarantined };
}

function preview(record: unknown): string {
  try {
    return (JSON.stringify(record) ?? String(record)).slice(0, RAW_PREVIEW);
  } catch {
    return '(not shown: nested too deeply to serialize)';
  }
}

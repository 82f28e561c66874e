import { toCsv } from '../csv';
import type { GestureRecord } from '../policy/schema';

const COLUMNS = [
  'at',
  'agentId',
  'agentName',
  'customerId',
  'gesture',
  'size',
  'currency',
  'channel',
  'status',
  'reason',
  'decidedBy',
  'comment',
  'id',
] as const;

export function gesturesCsv(records: GestureRecord[]): string {
  return toCsv(COLUMNS, records);
}

/** Totals of given gestures (granted or approved) by a key: agent, customer or day. */
export function totalsBy(records: GestureRecord[], key: (record: GestureRecord) => string): [string, number, number][] {
  const totals = new Map<string, [number, number]>();
  for (const record of records) {
    if (record.status !== 'granted' && record.status !== 'approved') continue;
    const [count, sum] = totals.get(key(record)) ?? [0, 0];
    totals.set(key(record), [count + 1, sum + (record.currency ? record.size : 0)]);
  }
  return [...totals]
    .map(([name, [count, sum]]) => [name, count, sum] as [string, number, number])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

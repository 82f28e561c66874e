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

/** RFC 4180 CSV; a cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function gesturesCsv(records: GestureRecord[]): string {
  const cell = (value: unknown) => {
    let text = value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const rows = records.map((record) => COLUMNS.map((column) => cell(record[column])).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
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

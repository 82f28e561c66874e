import type { AuditEntry } from './chain';

const COLUMNS = [
  'at',
  'user',
  'action',
  'customerId',
  'where',
  'adapter',
  'foundBy',
  'reason',
  'device',
  'seq',
  'hash',
];

/** RFC 4180 CSV; a cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function auditCsv(entries: AuditEntry[]): string {
  const cell = (value: unknown) => {
    let text = value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const rows = entries.map((entry) => COLUMNS.map((column) => cell(entry[column as keyof AuditEntry])).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

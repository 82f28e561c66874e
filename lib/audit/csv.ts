import { toCsv } from '../csv';
import type { AuditEntry } from './chain';

const COLUMNS = [
  'at',
  'user',
  'action',
  'customerId',
  'where',
  'adapter',
  'page',
  'foundBy',
  'reason',
  'device',
  'seq',
  'hash',
] as const satisfies readonly (keyof AuditEntry)[];

export function auditCsv(entries: AuditEntry[]): string {
  return toCsv(COLUMNS, entries);
}

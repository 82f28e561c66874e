import { toCsv } from '../csv';
import { type GestureRecord, gestureUnit } from '../policy/schema';
import { currencyDigits } from '../policy/units';

const COLUMNS = [
  'at',
  'agentId',
  'agentName',
  'customerId',
  'gesture',
  'amount',
  'unit',
  'channel',
  'status',
  'reason',
  'decidedBy',
  'comment',
  'id',
] as const;

type Row = GestureRecord & { amount: string; unit: string };

/** A size as a spreadsheet reads it: money as a decimal of its currency ("45.00", EUR), else the number and its unit. */
function inUnit(record: GestureRecord): Pick<Row, 'amount' | 'unit'> {
  const unit = gestureUnit[record.gesture];
  if (unit === 'money') {
    const currency = record.currency ?? '';
    const digits = currency ? currencyDigits(currency) : 2;
    return { amount: (record.size / 10 ** digits).toFixed(digits), unit: currency };
  }
  if (unit === 'percent') return { amount: String(record.size), unit: '%' };
  if (unit === 'days') return { amount: String(record.size), unit: 'days' };
  return { amount: String(record.size), unit: '' };
}

/** The history as CSV, sizes in their unit (never minor units), cells escaped against formulas (lib/csv.ts). */
export function gesturesCsv(records: readonly GestureRecord[]): string {
  return toCsv<Row>(
    COLUMNS,
    records.map((record) => ({ ...record, ...inUnit(record) })),
  );
}

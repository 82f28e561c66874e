// CSV files of customers (RFC 4180: comma-separated, double quotes around a field holding a comma, quote or line
// break, "" for a quote), one customer a row under a header row of the columns below. Lists are separated by "|".
import { UnreadableRecord } from '../feed/batch';
import type { Line } from './lines';

/** The columns, in the order the README lists them; `email` and `phone` are taken for `emails` and `phones`. */
export const CSV_COLUMNS = [
  'id',
  'version',
  'updatedAt',
  'deleted',
  'given_name',
  'family_name',
  'preferred_name',
  'emails',
  'phones',
  'language',
  'loyalty_tier',
  'loyalty_points',
  'loyalty_card',
  'stores',
  'customer_since',
  'city',
  'postal_code',
  'country',
  'consent',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const ALIASES: Record<string, Column> = { email: 'emails', phone: 'phones', updatedat: 'updatedAt' };

export class CsvHeaderError extends Error {}

/** Splits rows into fields; a quoted field may run over several lines. */
export async function* csvRows(lines: AsyncIterable<Line>): AsyncGenerator<{ line: number; fields: string[] }> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let start = 0;
  for await (const { number, text } of lines) {
    if (!quoted) {
      if (text.trim() === '') continue;
      start = number;
    } else field += '\n';
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (quoted && char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (quoted && char === '"') quoted = false;
      else if (quoted) field += char;
      else if (char === '"' && field === '') quoted = true;
      else if (char === ',') {
        fields.push(field);
        field = '';
      } else field += char;
    }
    if (quoted) continue;
    fields.push(field);
    yield { line: start, fields };
    fields = [];
    field = '';
  }
  if (quoted) yield { line: start, fields: [...fields, field] };
}

/** The column of each position of the header; an unknown or missing required column stops the import. */
export function readHeader(fields: string[]): Column[] {
  const known = new Map(CSV_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const columns = fields.map((raw, index) => {
    const name = (index === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim().toLowerCase();
    const column = ALIASES[name] ?? known.get(name);
    if (!column)
      throw new CsvHeaderError(`Unknown CSV column "${raw.trim()}"; the columns are ${CSV_COLUMNS.join(', ')}.`);
    return column;
  });
  for (const required of ['id', 'version', 'updatedAt'] as const) {
    if (!columns.includes(required)) throw new CsvHeaderError(`The CSV header has no "${required}" column.`);
  }
  return columns;
}

const list = (value: string) =>
  value
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean);
/** A whole number as a number; anything else is left as text for the schema to refuse with its reason. */
const whole = (value: string) => (/^\d{1,15}$/.test(value.trim()) ? Number(value) : value);
const BOOLEANS: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };

/** A row as a feed record (Customer or Deletion) for the push module to validate. */
export function recordOfRow(columns: Column[], fields: string[]): unknown {
  if (fields.length !== columns.length) {
    return new UnreadableRecord(`has ${fields.length} fields where the header has ${columns.length}`);
  }
  const cell = new Map<Column, string>();
  columns.forEach((column, index) => {
    const value = fields[index]?.trim() ?? '';
    if (value !== '') cell.set(column, value);
  });
  const flag = (column: Column): boolean | UnreadableRecord | undefined => {
    const value = cell.get(column);
    if (value === undefined) return undefined;
    return BOOLEANS[value.toLowerCase()] ?? new UnreadableRecord(`${column}: must be true or false`);
  };
  const deleted = flag('deleted');
  const consent = flag('consent');
  for (const value of [deleted, consent]) if (value instanceof UnreadableRecord) return value;
  const id = cell.get('id');
  if (deleted === true) return { id, deleted: true, deletedAt: cell.get('updatedAt') };
  const get = (column: Column) => cell.get(column);
  const has = (...names: Column[]) => names.some((name) => cell.has(name));
  return {
    id,
    version: whole(get('version') ?? ''),
    updatedAt: get('updatedAt'),
    ...(has('given_name', 'family_name', 'preferred_name') && {
      name: { given: get('given_name') ?? '', family: get('family_name') ?? '', preferred: get('preferred_name') },
    }),
    ...(has('emails') && { emails: list(get('emails') ?? '') }),
    ...(has('phones') && { phones: list(get('phones') ?? '') }),
    ...(has('language') && { language: get('language') }),
    ...(has('loyalty_tier', 'loyalty_points', 'loyalty_card') && {
      loyalty: {
        tier: get('loyalty_tier'),
        points: get('loyalty_points') === undefined ? undefined : whole(get('loyalty_points') ?? ''),
        card: get('loyalty_card'),
      },
    }),
    ...(has('stores') && { stores: list(get('stores') ?? '') }),
    ...(has('customer_since') && { customerSince: get('customer_since') }),
    ...(has('city', 'postal_code', 'country') && {
      addresses: [{ city: get('city'), postalCode: get('postal_code'), country: get('country') }],
    }),
    ...(consent !== undefined && { consent: { personalization: consent } }),
  };
}

// Reading the audit ledger: newest first (by the time of the view), filtered, a page at a time behind an opaque
// cursor, or whole as CSV pages.
import type { AuditEntry } from '../../lib/audit/chain';
import { csvLine } from '../../lib/csv';
import type { Queryable, SqlValue } from '../db/database';

export type StoredAuditEntry = AuditEntry & { receivedAt: string; uploadedBy: string };

export interface AuditFilter {
  user?: string;
  customer?: string;
  /** Entries at or after this time. */
  since?: string;
  /** Entries before this time. */
  until?: string;
}

/** Where a page ends: the last entry's time and id. */
interface AuditPosition {
  at: string;
  id: number;
}

/** Refused cursors: this hub did not issue them. */
export class BadAuditCursorError extends Error {}

function encodeCursor(position: AuditPosition): string {
  return Buffer.from(`a1|${position.at}|${position.id}`).toString('base64url');
}

function decodeCursor(cursor: string): AuditPosition {
  const match = /^a1\|(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(\d{1,15})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  const position = match && { at: match[1] ?? '', id: Number(match[2]) };
  if (!position || Number.isNaN(Date.parse(position.at)) || encodeCursor(position) !== cursor) {
    throw new BadAuditCursorError('This cursor was not issued by this hub: start again without one.');
  }
  return position;
}

interface AuditRow {
  id: number;
  device: string;
  seq: number;
  at: string;
  at_time: Date;
  user_id: string;
  action: AuditEntry['action'];
  customer_id: string | null;
  location: string;
  adapter: string | null;
  page: string | null;
  found_by: string;
  reason: string | null;
  prev: string;
  hash: string;
  received_at: Date;
  uploaded_by: string;
}

/** The entry exactly as its device sent it (so its hash can be checked again), then what the hub added. */
function entryOf(row: AuditRow): StoredAuditEntry {
  return {
    device: row.device,
    seq: row.seq,
    at: row.at,
    user: row.user_id,
    action: row.action,
    ...(row.customer_id !== null ? { customerId: row.customer_id } : {}),
    where: row.location,
    ...(row.adapter !== null ? { adapter: row.adapter } : {}),
    ...(row.page !== null ? { page: row.page } : {}),
    foundBy: row.found_by,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    prev: row.prev,
    hash: row.hash,
    receivedAt: row.received_at.toISOString(),
    uploadedBy: row.uploaded_by,
  };
}

interface PageOptions {
  after?: AuditPosition;
  limit: number;
  /** Only entries stored up to this id (an export reads what was there when it began). */
  throughId?: number;
}

async function readRows(db: Queryable, filter: AuditFilter, options: PageOptions): Promise<AuditRow[]> {
  const params: SqlValue[] = [];
  const conditions: string[] = [];
  const where = (sql: (...placeholders: string[]) => string, ...values: SqlValue[]) => {
    const placeholders = values.map((value) => `$${params.push(value)}`);
    conditions.push(sql(...placeholders));
  };
  if (filter.user !== undefined) where((p) => `user_id = ${p}`, filter.user);
  if (filter.customer !== undefined) where((p) => `customer_id = ${p}`, filter.customer);
  if (filter.since !== undefined) where((p) => `at_time >= ${p}::timestamptz`, filter.since);
  if (filter.until !== undefined) where((p) => `at_time < ${p}::timestamptz`, filter.until);
  if (options.throughId !== undefined) where((p) => `id <= ${p}`, options.throughId);
  if (options.after) {
    where((at, id) => `(at_time, id) < (${at}::timestamptz, ${id}::int8)`, options.after.at, options.after.id);
  }
  const { rows } = await db.query<AuditRow>(
    `select * from audit_entries ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}
     order by at_time desc, id desc limit ${`$${params.push(options.limit)}`}`,
    params,
  );
  return rows;
}

const positionOf = (row: AuditRow): AuditPosition => ({ at: row.at_time.toISOString(), id: row.id });

/** One page, newest first; `cursor` is there when more entries follow. */
export async function readAuditPage(
  db: Queryable,
  filter: AuditFilter,
  options: { cursor?: string; limit: number },
): Promise<{ entries: StoredAuditEntry[]; cursor?: string }> {
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const rows = await readRows(db, filter, { after, limit: options.limit + 1 });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const more = rows.length > options.limit && last;
  return { entries: page.map(entryOf), ...(more ? { cursor: encodeCursor(positionOf(last)) } : {}) };
}

export const AUDIT_CSV_COLUMNS = [
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
  'prev',
  'hash',
  'receivedAt',
  'uploadedBy',
] as const satisfies readonly (keyof StoredAuditEntry)[];

const CSV_PAGE = 1000;

/** The filtered ledger as CSV, header first, newest first, read a page at a time as the client takes it. */
export async function* auditCsv(db: Queryable, filter: AuditFilter): AsyncGenerator<string> {
  yield `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
  const { rows: heads } = await db.query<{ id: number | null }>('select max(id) as id from audit_entries');
  const throughId = heads[0]?.id;
  if (throughId == null) return;
  let after: AuditPosition | undefined;
  for (;;) {
    const rows = await readRows(db, filter, { after, limit: CSV_PAGE, throughId });
    if (rows.length > 0) yield rows.map((row) => csvLine(AUDIT_CSV_COLUMNS, entryOf(row))).join('');
    const last = rows.at(-1);
    if (rows.length < CSV_PAGE || !last) return;
    after = positionOf(last);
  }
}

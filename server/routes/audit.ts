// The audit ledger: every extension uploads its people's own entries (POST /v1/audit); supervisors and admins read
// them, a page at a time (GET /v1/audit) or whole as CSV (GET /v1/audit.csv).
import { Readable } from 'node:stream';
import { z } from 'zod';
import { auditEntrySchema } from '../../lib/audit/chain';
import { appendAudit, ChainConflictError, MAX_AUDIT_ENTRIES_PER_UPLOAD } from '../audit/ledger';
import { type AuditFilter, auditCsv, BadAuditCursorError, readAuditPage } from '../audit/query';
import { currentUser } from '../http/auth';
import { HttpError, loggableError } from '../http/errors';
import { parseRequest } from '../http/validate';
import type { HubRoutes } from './route';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

// PostgreSQL's text cannot hold U+0000, and a year 0 is no date it knows: refused here rather than failing the batch.
const storableEntry = auditEntrySchema.refine(
  (entry) => !JSON.stringify(entry).includes('\\u0000') && !entry.at.startsWith('0000'),
  'holds a NUL character or a year 0',
);
const uploadSchema = z.object({ entries: z.array(storableEntry) });

const filterSchema = z.object({
  user: z.string().min(1).max(200).optional(),
  customer: z.string().min(1).max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});
const pageQuerySchema = filterSchema.extend({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().positive().optional(),
});

const FILTER_HELP = 'user, customer, since and until (ISO 8601 with offset)';

export const auditRoutes: HubRoutes = (app, { db, metrics }) => {
  app.post('/v1/audit', async (request) => {
    const body = z.object({ entries: z.array(z.unknown()) }).safeParse(request.body);
    if (body.success && body.data.entries.length > MAX_AUDIT_ENTRIES_PER_UPLOAD) {
      throw new HttpError(
        413,
        'too_many_records',
        `At most ${MAX_AUDIT_ENTRIES_PER_UPLOAD} entries per request (got ${body.data.entries.length}).`,
      );
    }
    const { entries } = parseRequest(uploadSchema, request.body, 'Send { "entries": [AuditEntry] }');
    const user = currentUser(request);
    const foreign = entries.find((entry) => entry.user !== user.id);
    if (foreign) {
      throw new HttpError(
        403,
        'forbidden',
        `Entry ${foreign.seq} of device ${foreign.device} is another user's: each person uploads their own entries.`,
      );
    }
    try {
      const result = await appendAudit(db, entries, { uploadedBy: user.id });
      metrics.count('audit_entries_accepted', result.accepted);
      request.log.info(result, 'audit entries uploaded');
      return result;
    } catch (error) {
      if (error instanceof ChainConflictError) throw new HttpError(409, 'chain_conflict', error.message);
      throw error;
    }
  });

  app.get('/v1/audit', async (request) => {
    const query = parseRequest(pageQuerySchema, request.query, `Filters are ${FILTER_HELP}, cursor and limit`);
    const { cursor, limit, ...filter } = query;
    try {
      return await readAuditPage(db, filter, {
        cursor,
        limit: Math.min(limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
      });
    } catch (error) {
      if (error instanceof BadAuditCursorError) throw new HttpError(400, 'bad_cursor', error.message);
      throw error;
    }
  });

  app.get('/v1/audit.csv', async (request, reply) => {
    const filter: AuditFilter = parseRequest(filterSchema, request.query, `Filters are ${FILTER_HELP}`);
    // Once the header is sent a failure can only cut the file short; its database message stays out of the logs.
    async function* csv() {
      try {
        yield* auditCsv(db, filter);
      } catch (error) {
        request.log.error({ err: loggableError(error) }, 'audit export failed');
        throw new Error('The audit export failed.');
      }
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="audit.csv"')
      .send(Readable.from(csv()));
  });
};

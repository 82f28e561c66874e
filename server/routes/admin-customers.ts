// POST /v1/admin/customers: a retailer's ETL pushes Customer and Deletion records, as JSON { customers: [..] } or as
// NDJSON (one record a line). Invalid records come back with their id and reason; the valid ones land together.
import { z } from 'zod';
import { UnreadableRecord } from '../feed/batch';
import { MAX_RECORDS_PER_PUSH, pushChanges } from '../feed/push';
import { HttpError } from '../http/errors';
import type { HubRoutes } from './route';

const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

/** NDJSON rows as records; a line that is not JSON becomes a rejection of its own instead of failing the request. */
class NdjsonRecords {
  constructor(readonly records: unknown[]) {}
}

function parseNdjson(text: string): NdjsonRecords {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return new NdjsonRecords(
    lines.map((line, index) => {
      try {
        return JSON.parse(line);
      } catch {
        return new UnreadableRecord(`line ${index + 1}: not valid JSON`);
      }
    }),
  );
}

const jsonBodySchema = z.object({ customers: z.array(z.unknown()) });

function recordsOf(body: unknown): unknown[] {
  if (body instanceof NdjsonRecords) return body.records;
  const parsed = jsonBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, 'bad_request', 'Send { "customers": [..] } as JSON, or NDJSON with one record a line.');
  }
  return parsed.data.customers;
}

export const adminCustomersRoutes: HubRoutes = (app, { db, scopeRules, metrics }) => {
  app.addContentTypeParser(NDJSON_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseNdjson(String(body)));
  });
  app.post('/v1/admin/customers', async (request) => {
    const records = recordsOf(request.body);
    if (records.length > MAX_RECORDS_PER_PUSH) {
      throw new HttpError(
        413,
        'too_many_records',
        `At most ${MAX_RECORDS_PER_PUSH} records per request (got ${records.length}); split the batch.`,
      );
    }
    const result = await pushChanges(db, records, { rules: scopeRules });
    metrics.count('customers_pushed', result.accepted);
    request.log.info({ accepted: result.accepted, rejected: result.rejected.length }, 'customers pushed');
    return result;
  });
};
